/** A data file that cannot be read as what it should be. Start-up stops on it; the file is left untouched. */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
  constructor(
    readonly file: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`damaged data file ${file}: ${detail}. It has not been changed; restore it from a backup or move it aside, then start again.`, options);
  }
}
