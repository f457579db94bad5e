import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'maxon.pid';

/** Another running maxOn uses the data folder. */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(`DATA_DIR ${dataDir} is in use by process ${pid}: stop it, or set another DATA_DIR`);
    this.name = 'DataDirInUseError';
  }
}

/**
 * Creates the data folder if missing and records this process as its user, so a second
 * maxOn started on the same folder stops with a clear message instead of corrupting the
 * embedded database (PGlite itself takes no lock). A lock left by a killed process is taken
 * over. Returns the release.
 */
export function claimDataDir(dataDir: string): () => void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new Error(`DATA_DIR ${dataDir} cannot be created: ${(error as Error).message}`);
  }
  const lockPath = join(dataDir, LOCK_FILE);
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const holder = holderOf(lockPath);
    if (holder !== null && holder !== process.pid && isRunning(holder)) {
      throw new DataDirInUseError(dataDir, holder);
    }
    rmSync(lockPath, { force: true });
  }
  return () => {
    if (holderOf(lockPath) === process.pid) rmSync(lockPath, { force: true });
  };
}

function holderOf(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
