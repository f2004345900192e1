/** The reference implementations the benchmark compares with: Python scripts in shared/bench, run by Debian's python3. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const PYTHON = '/usr/bin/python3';

/** Whether Debian's python3 can import the module (python3-torch, python3-sklearn). */
export function pythonImports(module: string): boolean {
  return spawnSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

/** An anchor script of shared/bench, or the path in its environment variable. */
export function anchorScript(file: string, override: string | undefined): string {
  return override || join(__dirname, '../../../../shared/bench', file);
}
