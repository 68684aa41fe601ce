/** Names the API speaks in, from the core: operator roles and the classifier variants of Table 3. */
export { ROLES, type Role, WASTE_VARIANTS, type WasteVariant } from '@graphlet/core';
