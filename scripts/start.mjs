#!/usr/bin/env node
// `npm start`: the whole platform on one machine, from a fresh clone.
//   dependencies → Prisma client → PostgreSQL + Redis (DATABASE_URL / REDIS_URL, else embedded under .data/)
//   → migrations → demo seed → web build if needed → api + worker + web → prints the addresses and logins.
// Ctrl-C stops everything (children first, then the embedded services).
import { bold, createLogger } from './lib/log.cjs';
import { ensureNativeKernels } from './lib/native.cjs';
import { onShutdownSignal } from './lib/process.cjs';
import { ensureServices, lanAddresses } from './lib/services.cjs';
import { applyMigrations, ensureDependencies, generatePrismaClient, seedDemoData } from './lib/setup.cjs';
import { fetchHealth, startStack } from './lib/stack.cjs';

const log = createLogger('start');
const apiPort = Number(process.env.API_PORT) || 3001;
const webPort = Number(process.env.WEB_PORT) || 3000;

let services = null;
let stack = null;
let shuttingDown = false;

async function shutdown(code, reason) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (reason) log.info(`${reason}: stopping…`);
  try {
    await stack?.stop();
    await services?.stop();
  } catch (error) {
    log.error(`error while stopping: ${error?.message ?? error}`);
    code ||= 1;
  }
  log.info('stopped.');
  process.exit(code);
}

onShutdownSignal((signal) => shutdown(0, signal));

function hidePassword(url) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function main() {
  await ensureDependencies();
  log.info('generating the Prisma client…');
  await generatePrismaClient();
  await ensureNativeKernels();

  services = await ensureServices({ preferLocal: false });
  if (shuttingDown) return;
  log.info(`PostgreSQL: ${hidePassword(services.databaseUrl)}`);
  log.info(`Redis: ${services.redisUrl}`);
  await applyMigrations(services.databaseUrl);
  const demo = await seedDemoData({ ...process.env, DATABASE_URL: services.databaseUrl });
  if (shuttingDown) return;

  stack = await startStack({
    apiPort,
    webPort,
    databaseUrl: services.databaseUrl,
    redisUrl: services.redisUrl,
  });
  if (shuttingDown) return;
  // Embedded services dying is as fatal as an app process dying.
  for (const proc of services.processes) {
    proc.exited.then(() => shuttingDown || shutdown(1, `${proc.name} exited unexpectedly`));
  }
  stack.failed.then((name) => shutdown(1, `${name} exited unexpectedly`));

  const health = await fetchHealth(stack.apiUrl);
  const workers = health?.workers ?? [];
  const lan = (await lanAddresses()).map((ip) => `http://${ip}:${webPort}`);
  const lines = [
    '',
    bold('  La plateforme est prête / the platform is ready'),
    '',
    `  Web (élèves et professeur)   ${bold(`http://localhost:${webPort}`)}`,
    ...(lan.length ? [`  Sur le réseau de la salle    ${lan.join('  ')}`] : []),
    `  API                          http://localhost:${apiPort}   (docs: http://localhost:${apiPort}/api/docs)`,
    '',
    `  Professeur (démo)            ${bold(demo.teacher.email)}  /  mot de passe ${bold(demo.teacher.password)}`,
    `  Administrateur (démo)        ${demo.admin.email}  /  mot de passe ${demo.admin.password}`,
    `  Code de la classe            ${bold(demo.class.code)}   (${demo.class.name})`,
    '',
    `  Workers d'entraînement       ${
      workers.length
        ? workers.map((w) => `${w.id} (${w.backend}${w.device ? `, ${w.device}` : ''})`).join(', ')
        : 'aucun encore (le worker démarre…)'
    }`,
    '',
    '  Ctrl-C arrête tout.',
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((error) => {
  log.error(error?.message ?? error);
  shutdown(1);
});
