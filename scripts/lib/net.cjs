'use strict';
// Waiting for ports and URLs.
const net = require('node:net');

/** True when something accepts TCP connections on host:port. */
function isPortOpen(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves when host:port accepts connections; rejects after timeoutMs. */
async function waitForPort(port, { host = '127.0.0.1', timeoutMs = 60_000, signal } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (await isPortOpen(port, host)) return;
    await sleep(250);
  }
  throw new Error(`nothing listens on ${host}:${port} after ${Math.round(timeoutMs / 1000)} s`);
}

/**
 * Resolves with the response when `url` answers with a status accepted by `ok` (default: below 500);
 * rejects after timeoutMs.
 */
async function waitForUrl(url, { timeoutMs = 120_000, ok = (status) => status < 500, signal } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: 'manual' });
      if (ok(response.status)) return response;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error?.cause?.code ?? error?.message ?? String(error);
    }
    await sleep(500);
  }
  throw new Error(`${url} not ready after ${Math.round(timeoutMs / 1000)} s (${last})`);
}

/** A free TCP port chosen by the OS. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

module.exports = { isPortOpen, waitForPort, waitForUrl, freePort };
