'use strict';
// Child processes with prefixed logs, stopped cleanly (SIGTERM, then SIGKILL after a grace period).
const { spawn } = require('node:child_process');
const readline = require('node:readline');
const { prefix } = require('./log.cjs');

const running = new Set();

// Last resort: if this process exits without stopping its children (crash), kill their process groups.
process.on('exit', () => {
  for (const proc of running) proc.kill('SIGKILL');
});

function pipeLines(stream, write, label) {
  if (!stream) return;
  readline.createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) => {
    write(`${label} ${line}\n`);
  });
}

/**
 * Spawns `command args` in its own process group (so a terminal's Ctrl-C reaches only the orchestrator,
 * which then stops the children in order), with each output line prefixed by [name].
 * Returns { name, child, exited: Promise<{code, signal}>, stop(graceMs), kill(signal) }.
 */
function spawnSupervised(name, command, args, { cwd, env, quiet = false } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const label = prefix(name);
  const out = quiet ? () => {} : (text) => process.stdout.write(text);
  const err = quiet ? () => {} : (text) => process.stderr.write(text);
  pipeLines(child.stdout, out, label);
  pipeLines(child.stderr, err, label);

  let exitInfo;
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      running.delete(proc);
      resolve(exitInfo);
    });
    child.once('error', (error) => {
      process.stderr.write(`${label} failed to start: ${error.message}\n`);
      exitInfo = { code: 127, signal: null };
      running.delete(proc);
      resolve(exitInfo);
    });
  });

  const proc = {
    name,
    child,
    exited,
    get hasExited() {
      return exitInfo !== undefined;
    },
    /** Sends a signal to the whole process group (the command and anything it spawned). */
    kill(signal = 'SIGTERM') {
      if (exitInfo || !child.pid) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        try {
          child.kill(signal);
        } catch {
          // already gone
        }
      }
    },
    /** SIGTERM, then SIGKILL if still alive after graceMs. Resolves when it has exited. */
    async stop(graceMs = 10_000) {
      if (exitInfo) return exitInfo;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      const info = await exited;
      clearTimeout(timer);
      return info;
    },
  };
  running.add(proc);
  return proc;
}

/** Runs a command to completion with inherited output; resolves with its exit code. */
function run(command, args, { cwd, env, stdio = 'inherit' } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio });
    child.once('error', () => resolve(127));
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/**
 * Calls `onSignal` once on the first SIGINT/SIGTERM (a second one forces exit).
 * Returns a function removing the handlers.
 */
function onShutdownSignal(onSignal) {
  let received = false;
  const handler = (signal) => {
    if (received) {
      console.error(`\n${signal} again: exiting now.`);
      process.exit(130);
    }
    received = true;
    onSignal(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

module.exports = { spawnSupervised, run, onShutdownSignal };
