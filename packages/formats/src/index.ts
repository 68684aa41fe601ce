export * from './format-error.ts';
export * from './mlmd-codes.ts';
export * from './mlmd-property-value.ts';
export * from './mlmd-struct.ts';
export { decodeStruct, encodeStruct } from './protobuf-struct.ts';
export * from './read-mlmd-store.ts';
export * from './sniff-file.ts';
export * from './write-mlmd-store.ts';
