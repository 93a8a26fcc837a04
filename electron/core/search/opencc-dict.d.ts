// opencc-js ships its dictionaries as ESM modules whose default export is the table text
// ("from to[ alt…]|…") without type declarations.
declare module 'opencc-js/dict/*' {
  const table: string;
  export default table;
}
