/** Variant names from user input (a flag, a request), checked against Table 3's names. */
import { isWasteVariant, WASTE_VARIANTS, type WasteVariant } from '@graphlet/core';
import { WasteError } from './waste-error.ts';

/**
 * The variant named `name`; throws WasteError('unknown_variant') listing the known names.
 * @example requireVariant('RF:Input+Pre')
 */
export function requireVariant(name: string): WasteVariant {
  if (!isWasteVariant(name)) {
    throw new WasteError(
      'unknown_variant',
      `unknown variant '${name}'; expected one of ${WASTE_VARIANTS.join(', ')}`,
    );
  }
  return name;
}
