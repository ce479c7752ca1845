"""Who is who across articles: identity from posts, candidates, the user's judgements.

`mentions` (a person as one article names them, made in the extraction worker), `rules`
over the data file `compatibility.tsv` (which posts one person can hold together or one
after another), `judgements` (the user's same/different file), `resolver` (blocks of
namesakes split into persons), `graph` (candidates and judgements as RDF) and `review`
(the candidate pairs a user reviews, `vnkg identity`)."""
