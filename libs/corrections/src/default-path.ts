/**
 * Where operators' corrections are appended by default (POST /feedback's
 * GATEWAY_FEEDBACK_FILE, `logclass feedback`) and where `logclass train`
 * looks for them: relative to the working directory.
 */
export const DEFAULT_CORRECTIONS_FILE = 'data/corrections.csv';
