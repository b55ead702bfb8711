/**
 * Errors of the nf_tables backend: the errno an operation fails with and the
 * text nft_strerror() / the batch error report turn it into.
 */

export type Errno =
  | "ENOENT"
  | "EEXIST"
  | "E2BIG"
  | "EBUSY"
  | "EINVAL"
  | "ELOOP"
  | "ENOTEMPTY"
  | "EMLINK"
  | "ERANGE"
  | "EOPNOTSUPP"
  | "ENOMEM"
  | "EPERM"
  | "ENXIO"
  | "EAGAIN"
  /** errno left at 0: nft_strerror() says "Incompatible with this kernel". */
  | "0";

export const STRERROR: Record<Errno, string> = {
  ENOENT: "No such file or directory",
  EEXIST: "File exists",
  E2BIG: "Argument list too long",
  EBUSY: "Device or resource busy",
  EINVAL: "Invalid argument",
  ELOOP: "Too many levels of symbolic links",
  ENOTEMPTY: "Directory not empty",
  EMLINK: "Too many links",
  ERANGE: "Numerical result out of range",
  EOPNOTSUPP: "Operation not supported",
  ENOMEM: "Cannot allocate memory",
  EPERM: "Operation not permitted",
  ENXIO: "No such device or address",
  EAGAIN: "Resource temporarily unavailable",
  "0": "Success",
};

/** The nft.c function that failed, as nft_strerror() keys its table. */
export type NftFn =
  | "chain_del"
  | "chain_user_add"
  | "chain_user_rename"
  | "rule_insert"
  | "rule_check"
  | "rule_replace"
  | "rule_delete_num"
  | "rule_delete"
  | "chain_set"
  | "rule_append"
  | "rule_flush"
  | "chain_zero"
  | "table_flush";

const TABLE: ReadonlyArray<readonly [NftFn | null, Errno, string]> = [
  ["chain_del", "ENOTEMPTY", "Chain is not empty"],
  ["chain_del", "EBUSY", "Directory not empty"],
  ["chain_del", "EMLINK", "Can't delete chain with references left"],
  ["chain_user_add", "EEXIST", "Chain already exists"],
  ["chain_user_rename", "EEXIST", "File exists"],
  ["rule_insert", "E2BIG", "Index of insertion too big"],
  ["rule_check", "ENOENT", "Bad rule (does a matching rule exist in that chain?)"],
  ["rule_replace", "E2BIG", "Index of replacement too big"],
  ["rule_delete_num", "E2BIG", "Index of deletion too big"],
  ["rule_delete", "ENOENT", "Bad rule (does a matching rule exist in that chain?)"],
  ["chain_set", "ENOENT", "Bad built-in chain name"],
  ["chain_set", "EINVAL", "Bad policy name"],
  ["chain_set", "ENXIO", "Bad table name"],
  [null, "ELOOP", "Loop found in table"],
  [null, "EPERM", "Permission denied (you must be root)"],
  [null, "0", "Incompatible with this kernel"],
  [null, "ENOMEM", "Memory allocation problem"],
  [null, "ENOENT", "No chain/target/match by that name"],
];

/** nft_strerror() */
export function nftStrerror(fn: NftFn, errno: Errno): string {
  for (const [f, e, msg] of TABLE) if ((f === null || f === fn) && e === errno) return msg;
  return STRERROR[errno];
}

/** A failure in the userspace prepare step (errno set, function returned 0). */
export class NftOpError extends Error {
  /** What the command printed before the operation failed (a -v echo, say). */
  stdout = "";

  constructor(
    readonly fn: NftFn,
    readonly errno: Errno,
  ) {
    super(`${fn}: ${errno}`);
  }
}

/** Batch object types as mnl_append_error() names them. */
export type BatchType =
  | "TABLE_ADD"
  | "TABLE_FLUSH"
  | "CHAIN_ADD"
  | "CHAIN_USER_ADD"
  | "CHAIN_DEL"
  | "CHAIN_USER_FLUSH"
  | "CHAIN_UPDATE"
  | "CHAIN_RENAME"
  | "CHAIN_ZERO"
  | "RULE_APPEND"
  | "RULE_INSERT"
  | "RULE_REPLACE"
  | "RULE_DELETE"
  | "RULE_FLUSH";

/** A failure reported by the kernel for one batch object. */
export interface KernelFailure {
  type: BatchType;
  errno: Errno;
  /** "chain X", "rule in chain X" or "table X". */
  what: string;
  /** Restore line of the command that created the object (0 outside restore). */
  line: number;
}

/** The text mnl_append_error() builds for one failed object. */
export function kernelFailureText(f: KernelFailure): string {
  const head = f.line
    ? `\nline ${f.line}: ${f.type} failed (${STRERROR[f.errno]})`
    : ` ${f.type} failed (${STRERROR[f.errno]})`;
  return `${head}: ${f.what}`;
}
