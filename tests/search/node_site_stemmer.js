// The site's stemmer for lunr.js itself: lunr.nl's stemmer, except for the words of the stem
// exception table (generator/search/dutch.py STEM_EXCEPTIONS, 'stammen' in the search data).
// Registered under lunr.nl's label, so lunr.Index.load and builders use it as the site does.
"use strict";

module.exports = function useSiteStemmer(lunr, table) {
  const nlStemmer = lunr.nl.stemmer;
  const own = (token) => {
    const word = token.toString();
    return Object.prototype.hasOwnProperty.call(table, word) ? token.update(() => table[word]) : nlStemmer(token);
  };
  lunr.utils.warn = () => {};  // registering over lunr.nl's label is the point
  lunr.Pipeline.registerFunction(own, "stemmer-nl");
  return {
    nlStemmer,
    own,
    intoBuilder(builder) {
      for (const pipeline of [builder.pipeline, builder.searchPipeline]) {
        pipeline.after(nlStemmer, own);
        pipeline.remove(nlStemmer);
      }
    },
  };
};
