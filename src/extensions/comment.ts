/**
 * comment match (libxt_comment / xt_comment): a note, matching everything.
 */
import { defineMatch, XTOPT_MAND, XTOPT_PUT, XtType } from "./api.js";
import { saveString } from "./common.js";

/** XT_MAX_COMMENT_LEN */
const MAX_COMMENT_LEN = 256;

export interface CommentData {
  comment: string;
}

export const commentMatch = defineMatch<CommentData>({
  name: "comment",
  revision: 0,
  options: [
    {
      name: "comment",
      id: 0,
      type: XtType.STRING,
      flags: XTOPT_MAND | XTOPT_PUT,
      size: MAX_COMMENT_LEN,
      put: "comment",
    },
  ],
  init: () => ({ comment: "" }),
  // comment_mt(): always true
  compile: () => () => true,
  print: (d) => ` /* ${d.comment} */`,
  save: (d) => ` --comment${saveString(d.comment)}`,
  help: () => "comment match options:\n--comment COMMENT             Attach a comment to a rule\n",
});
