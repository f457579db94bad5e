// snowball-stemmers ships no types: the part of its API we use.
declare module 'snowball-stemmers' {
  interface Stemmer {
    stem(word: string): string;
  }
  // The package's own export is a default one.
  const snowball: { newStemmer(language: 'russian' | 'english'): Stemmer };
  // eslint-disable-next-line no-restricted-syntax
  export default snowball;
}
