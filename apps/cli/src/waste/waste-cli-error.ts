/** Maps @graphlet/waste's WasteError to the CLI's one-line error (exit code 2). */
import { WasteError } from '@graphlet/waste';
import { CliError } from '../cli-error.ts';

/** Runs `work`, turning a WasteError into a CliError with the same message. */
export async function asCliError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WasteError) throw new CliError(error.message);
    throw error;
  }
}
