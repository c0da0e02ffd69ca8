// Reading the files a fixture file names. A fixture file may name archives in its own folder only,
// and every file is opened without waiting on it (a FIFO or a device would stop the whole mock),
// checked to be a regular file and read up to a size cap.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';

/** The largest archive a fixture may name: Lambda's own limit for a layer's zip uploaded directly. */
export const MAX_ARCHIVE_BYTES = 50 * 1024 * 1024;
/** The largest fixture file the mock reads. */
export const MAX_FIXTURE_FILE_BYTES = 10 * 1024 * 1024;

/** A file that cannot be read as asked; its message starts with the file's name as given. */
export class FileReadError extends Error {
  override readonly name = 'FileReadError';
}

// O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; O_NOFOLLOW
// refuses a link swapped in after the real path was checked. Neither exists on Windows.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** The bytes of a regular file of at most `maxBytes`; throws FileReadError otherwise. */
export function readRegularFile(path: string, maxBytes: number, shownAs = path): Buffer {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw new FileReadError(`${shownAs} cannot be opened: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new FileReadError(`${shownAs} is not a regular file`);
    if (stats.size > maxBytes) throw new FileReadError(`${shownAs} has ${stats.size} bytes, more than the ${maxBytes} a mock reads`);
    // One byte more than allowed is asked for, so a file that grew since fstat is still caught.
    const buffer = Buffer.alloc(Math.min(stats.size + 1, maxBytes + 1));
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) {
      read = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > maxBytes) throw new FileReadError(`${shownAs} has more than the ${maxBytes} bytes a mock reads`);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of `name`, a file inside `folder`: a relative path without `..`, whose real path
 * (symbolic links followed) stays inside the folder's real path.
 */
export function readFileInside(folder: string, name: string, maxBytes: number): Buffer {
  const shown = JSON.stringify(name);
  if (name.includes('\0')) throw new FileReadError(`${shown} holds a NUL character`);
  if (isAbsolute(name) || /^[a-zA-Z]:/.test(name)) throw new FileReadError(`${shown} is an absolute path; name a file relative to the fixture file's folder`);
  if (name.split(/[/\\]/).includes('..')) throw new FileReadError(`${shown} steps out with ".."; name a file inside the fixture file's folder`);
  let real: string;
  let realFolder: string;
  try {
    realFolder = realpathSync(folder);
    real = realpathSync(resolve(realFolder, name));
  } catch (error) {
    throw new FileReadError(`${shown} cannot be found in the fixture file's folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (!real.startsWith(realFolder + sep)) throw new FileReadError(`${shown} leads out of the fixture file's folder (through a symbolic link)`);
  return readRegularFile(real, maxBytes, shown);
}
