/**
 * `AH01630: `, `ORA-00942: `: capitals and digits before a colon name the
 * message that follows (maskTemplate keeps them for that reason); lines that
 * differ in one are different messages.
 */
export function isMessageCode(token: string): boolean {
  return MESSAGE_CODE.test(token);
}

const MESSAGE_CODE = /^[A-Z]{2,5}-?\d{3,6}: ?$/;
