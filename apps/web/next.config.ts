import type { NextConfig } from 'next';

/** Where the web server forwards /api/* (the NestJS API); read when the config is loaded (build and start). */
const apiInternalUrl = (process.env.API_INTERNAL_URL ?? 'http://localhost:3001').replace(/\/$/, '');

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // A separate output folder lets a test build run beside the one `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Internal workspace packages ship TypeScript source.
  transpilePackages: ['@dlclass/contracts', '@dlclass/ml', '@dlclass/content'],
  // The classroom and CI machines have 2 cores: keep the build to one worker.
  experimental: { cpus: 1, workerThreads: false },
  typescript: { tsconfigPath: './tsconfig.json' },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
          // Next hydrates with inline scripts: without nonces, the policy holds what cannot break them.
          {
            key: 'Content-Security-Policy',
            value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
          },
        ],
      },
    ];
  },
  async rewrites() {
    return [{ source: '/api/:path*', destination: `${apiInternalUrl}/api/:path*` }];
  },
};

export default nextConfig;
