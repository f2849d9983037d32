/** "1 key", "3 keys": how the desk counts an account's keys. */
export const keysWord = (count: number): string => `${count} ${count === 1 ? 'key' : 'keys'}`;
