/** "1 story", "12 stories". */
export const storiesText = (n: number) => (n === 1 ? '1 story' : `${n.toLocaleString()} stories`);

/** "45%" from a share between 0 and 1. */
export const percentText = (share: number) => `${Math.round(share * 100)}%`;
