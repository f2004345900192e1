// `node -r @swc-node/register src/seed-cli.ts`: seeds the demo data into DATABASE_URL and prints the result
// (logins, class code) as one JSON line for scripts/start.mjs.
import { createPrismaClient } from './client';
import { seedDemo } from './seed';

async function main() {
  const prisma = createPrismaClient();
  try {
    const result = await seedDemo(prisma);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
