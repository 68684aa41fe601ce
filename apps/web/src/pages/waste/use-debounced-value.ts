/** A value that follows `value` once it has stopped changing for `ms` milliseconds. */
import { useEffect, useState } from 'react';

/** The debounced value. */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
