/** Awaits `run` and returns the FormatError it throws (fails the test when it throws none). */
import { FormatError } from '../format-error.ts';

/** The FormatError that `run` rejects with. */
export async function formatErrorOf(run: () => Promise<unknown>): Promise<FormatError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('expected a FormatError');
}
