/** A numeric `--name value` of the bench's command line, or `dflt`. */
export const numberArg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
