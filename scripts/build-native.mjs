#!/usr/bin/env node
// `npm run build:native`: builds the native training kernels (see scripts/lib/native.cjs); exit code 1 when
// they could not be built.
import { ensureNativeKernels } from './lib/native.cjs';

process.exitCode = (await ensureNativeKernels('build')) === null ? 0 : 1;
