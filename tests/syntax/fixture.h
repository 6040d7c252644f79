// A tiny CoNLL-U corpus for fixture models trained in a second.
#pragma once

namespace dyad::syntax::testing {

inline constexpr const char* kFixtureConllu = R"(# sent_id = f1
# text = The army seized the town.
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
2	army	army	NOUN	NN	Number=Sing	3	nsubj	_	_
3	seized	seize	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
4	the	the	DET	DT	Definite=Def|PronType=Art	5	det	_	_
5	town	town	NOUN	NN	Number=Sing	3	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = f2
# text = Police arrested two men in Cairo.
1	Police	police	NOUN	NNS	Number=Plur	2	nsubj	_	_
2	arrested	arrest	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
3	two	two	NUM	CD	NumType=Card	4	nummod	_	_
4	men	man	NOUN	NNS	Number=Plur	2	obj	_	_
5	in	in	ADP	IN	_	6	case	_	_
6	Cairo	Cairo	PROPN	NNP	Number=Sing	2	obl	_	SpaceAfter=No
7	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = f3
# text = The embassy was attacked by protesters.
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
2	embassy	embassy	NOUN	NN	Number=Sing	4	nsubj:pass	_	_
3	was	be	AUX	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	4	aux:pass	_	_
4	attacked	attack	VERB	VBN	Tense=Past|VerbForm=Part|Voice=Pass	0	root	_	_
5	by	by	ADP	IN	_	6	case	_	_
6	protesters	protester	NOUN	NNS	Number=Plur	4	obl:agent	_	SpaceAfter=No
7	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = f4
# text = Leaders met and talks did n't stop.
1	Leaders	leader	NOUN	NNS	Number=Plur	2	nsubj	_	_
2	met	meet	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
3	and	and	CCONJ	CC	_	7	cc	_	_
4	talks	talk	NOUN	NNS	Number=Plur	7	nsubj	_	_
5	did	do	AUX	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	7	aux	_	_
6	n't	not	PART	RB	Polarity=Neg	7	advmod	_	_
7	stop	stop	VERB	VB	VerbForm=Inf	2	conj	_	SpaceAfter=No
8	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = f5
# text = They urged Iran to stop.
1	They	they	PRON	PRP	Case=Nom|Number=Plur|Person=3|PronType=Prs	2	nsubj	_	_
2	urged	urge	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
3	Iran	Iran	PROPN	NNP	Number=Sing	2	obj	_	_
4	to	to	PART	TO	_	5	mark	_	_
5	stop	stop	VERB	VB	VerbForm=Inf	2	xcomp	_	SpaceAfter=No
6	.	.	PUNCT	.	_	2	punct	_	_

)";

}  // namespace dyad::syntax::testing
