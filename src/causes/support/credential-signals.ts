// Whether the failed pull sent credentials, when the message says so: the same cause gets another
// fix when no credential was sent (give the pods one) than when one was refused (renew it). Pure.

/** containerd's anonymous-token request, its basic-auth handler without credentials, Artifact Registry's anonymous answer. */
const SENT_NONE = /failed to fetch anonymous token|no basic auth credentials|Unauthenticated requests/i;
/** containerd's token request with credentials, an expired stored token, an identity the registry knows. */
const SENT_SOME = /failed to fetch oauth token|authorization token has expired|cannot be authenticated with the token|denied: Permission|Caller does not have permission/i;

export function credentialsSent(message: string): boolean | undefined {
  // An aggregate of attempts (`[…, …]`) can hold both; the refused credential is the one to fix.
  // The word tests first: the phrase lists cost more than the rest of the classification.
  if ((message.includes('token') || message.includes('ermission')) && SENT_SOME.test(message)) return true;
  if ((message.includes('anonymous') || message.includes('basic auth') || message.includes('nauthenticated')) && SENT_NONE.test(message)) return false;
  return undefined;
}
