/** The longest comment kept with article feedback. */
export const maxCommentLength = 1000;
