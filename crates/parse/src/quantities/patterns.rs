//! The quantity patterns, declared as data: each is one [`Rule`] (its
//! words, its token pattern, its examples) and the [`Read`] that turns a
//! match into a quantity (its value). Word lists are lexicon classes
//! (`@qualifier`, `@currency_word`, …, in `data/lexicon/`); `<num>` is a
//! number read by [`super::number`] and `<amount>` an amount ([`AMOUNT`]).
//!
//! At each place, the longest match of any rule wins (ties: the rule
//! declared first); its [`Read`] may still decline (then the next match
//! is tried) or skip (the tokens are a look-alike: nothing is emitted).

use crate::rules::Rule;

/// How a match becomes a quantity: the reader of its captures (see
/// `Scan::read` in the module).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Read {
    /// `a`..`b` (and `between`, `from`): a closed interval.
    Range,
    /// `9-3` after a verb of voting or winning or before a noun of a
    /// result: a tally of two sides.
    Tally,
    /// `lo a and hi b`: an interval from two qualifiers.
    TwoSided,
    /// `5 dollars 20 cents`: an amount and its hundredths.
    Compound,
    /// `three and a half`: a whole and a fraction in words.
    WholeAndFraction,
    /// `half a million`, `a quarter billion`, `half a percent`.
    FractionOfScale,
    /// `a third`, `two-thirds`.
    Fraction,
    /// `half` before `of` or a determiner.
    Half,
    /// `tens of thousands`: an order of magnitude.
    Vague,
    /// `several thousand`, `a few hundred`.
    Several,
    /// `81 year-old`, `a 7-year-old`: an age.
    Age,
    /// `a 30,000-strong force`.
    Strong,
    /// One amount, maybe qualified (`more than 300`, `5,000+`).
    Plain,
}

/// A quantity pattern: the rule and how its match is read.
#[derive(Clone, Copy, Debug)]
pub(super) struct QuantityRule {
    /// How a match is read.
    pub read: Read,
    /// The pattern, its name and examples.
    pub rule: Rule,
}

/// The names of the parts the patterns use, by index (`<num>`, `<amount>`).
pub(super) const PARTS: &[&str] = &["num", "amount"];

/// An amount: a number with its sign, currency and percent sign. Its
/// captures: `sign` (a sign word, or a minus or plus sign glued to what
/// follows),
/// `cur` (a currency sign, code or prefixed dollar before), `n` the
/// number, `tail` (a percent sign or word, a currency word or code
/// after).
pub(super) const AMOUNT: Rule = Rule {
    name: "amount",
    pattern: "sign=(@sign_word | - | − | +)? \
              cur=(@currency_symbol | @currency_code \\.? | @dollar_prefix ~$)? \
              n=<num> \
              tail=(% | (~- ~@percent_word) | @percent_word | @currency_word | @currency_code)?",
    examples: &[
        "Troops: [{n:130,000}] in all.",
        "The index fell [{sign:-}{n:0.8} {tail:percent}] on Friday.",
        "Aid reached [{cur:US$}{n:3 billion}] this year.",
        "Growth was [{sign:minus} {n:three} {tail:per cent}].",
        "They paid [{n:500 million} {tail:euros}].",
        "The deficit was [{sign:-}{cur:$}{n:4.1 billion}].",
        "Sales were [{sign:+}{n:5} {tail:percent}] in March.",
        "Rates rose [{n:0.25} {tail:percentage points}].",
        "It paid a [{n:40}{tail:-percent}] premium.",
        "It cost [{cur:Rs} {n:3 crore}].",
        "The video drew [{n:4.5k}] comments.",
        "!No numbers here at all.",
    ],
};

/// The quantity patterns, in priority order for matches of equal length.
pub(super) const QUANTITY_RULES: &[QuantityRule] = &[
    QuantityRule {
        read: Read::Range,
        rule: Rule {
            name: "between",
            pattern: "between a=<amount> and b=<amount>",
            examples: &[
                "[Between {a:40} and {b:60}] people were injured.",
                "Waiting times rose to [between {a:six} and {b:eight}] weeks.",
                "The toll is [between {a:two} and {b:three hundred}], the agency said.",
                "!They chose between him and her.",
            ],
        },
    },
    QuantityRule {
        read: Read::Range,
        rule: Rule {
            name: "from_to",
            pattern: "from a=<amount> (to | through | thru) b=<amount>",
            examples: &[
                "The fires burned [from {a:3} to {b:5 million}] hectares.",
                "Each fine ranges [from {a:€500} to {b:€2,000}].",
                "Temperatures will range [from {a:-5} to {b:3}] degrees.",
            ],
        },
    },
    QuantityRule {
        read: Read::TwoSided,
        rule: Rule {
            name: "two_sided",
            pattern: "lo=@qualifier a=<amount> and hi=@qualifier b=<amount>",
            examples: &[
                "Officials expect [{lo:above} {a:200} and {hi:below} {b:500}] arrivals a day.",
                "Bids of [{lo:at least} {a:$5} and {hi:up to} {b:$9}] were made.",
            ],
        },
    },
    QuantityRule {
        read: Read::Tally,
        rule: Rule {
            name: "tally_after_verb",
            pattern: "(?<= @tally_verb ) a=#digits:1-3 (~- | ~–) b=~#digits:1-3 \
                      (?! ~% | @percent_word | @counted_noun | #lower&/[a-z]+s/&!@function_word )",
            examples: &[
                "The board voted [{a:9}-{b:3}] to approve the plan.",
                "The court ruled [{a:5}-{b:4}] on Monday.",
                "Chelsea won [{a:3}–{b:1}] at home.",
                "!Labour won 2-3 seats in the county.",
                "!Support rose 2-3% after the debate.",
            ],
        },
    },
    QuantityRule {
        read: Read::Tally,
        rule: Rule {
            name: "tally_before_noun",
            pattern: "(?<= a | an | the | #possessive ) a=#digits:1-3 (~- | ~–) b=~#digits:1-3 \
                      (?= @tally_noun )",
            examples: &[
                "In a [{a:5}-{b:4}] decision, the justices sided with the state.",
                "The bill passed by a [{a:52}-{b:48}] vote.",
                "It was Chelsea's [{a:3}-{b:1}] win.",
                "!About 10-15 people were hurt.",
                "!Democrats could win 40-50 votes in the House.",
                "!Leaders need 10-12 vote switches to pass it.",
            ],
        },
    },
    QuantityRule {
        read: Read::Range,
        rule: Rule {
            name: "range",
            pattern: "q=@qualifier? a=<amount> sep=(to | through | thru | or | - | –) b=<amount>",
            examples: &[
                "[{q:Some} {a:2}{sep:-}{b:5%}] said so.",
                "Prices rose [{a:2}{sep:-}{b:5%}] last month.",
                "The shelter can house [{a:10} {sep:through} {b:40}] families.",
                "[{a:Two} {sep:or} {b:three}] tanks were hit.",
                "Scientists count [{a:200}{sep:–}{b:300}] whales.",
                "It will cost [{a:$2}{sep:-}{b:3 billion}].",
            ],
        },
    },
    QuantityRule {
        read: Read::Compound,
        rule: Rule {
            name: "compound",
            pattern:
                "q=@qualifier? a=<amount> cw=@currency_word? and? c=<num> sub=@currency_subunit",
            examples: &[
                "The fare rose to [{a:5 dollars} {c:20} {sub:cents}] on Monday.",
                "A stamp costs [{a:2} {cw:pounds} {c:10} {sub:pence}].",
                "Petrol reached [{a:$4} and {c:75} {sub:cents}] a gallon.",
            ],
        },
    },
    QuantityRule {
        read: Read::WholeAndFraction,
        rule: Rule {
            name: "whole_and_fraction",
            pattern: "q=@qualifier? w=<num> and n=(a | an | <num>) f=@fraction_word \
                      s=@scale_word? pct=(% | @percent_word)?",
            examples: &[
                "[{w:Three} and {n:a} {f:half}] years after the war.",
                "She won [{w:thirty} and {n:two} {f:fifths} {pct:percent}] of the vote.",
                "The bridge is [{w:one} and {n:a} {f:quarter}] miles long.",
                "[{w:Four} and {n:a} {f:half} {s:million}] people live there.",
            ],
        },
    },
    QuantityRule {
        read: Read::FractionOfScale,
        rule: Rule {
            name: "fraction_of_scale",
            pattern: "q=@qualifier? n=(a | an | <num>)? hy=~-? f=@fraction_word of? (a | an)? \
                      s=(@scale_word | @percent_word)",
            examples: &[
                "[{f:Half} a {s:million}] residents were told to boil water.",
                "The tunnel will cost [{n:a} {f:quarter} {s:billion}] dollars.",
                "[{n:A} {f:quarter} of a {s:million}] people fled.",
                "Only [{f:half} a {s:percent}] of applicants got in.",
            ],
        },
    },
    QuantityRule {
        read: Read::Fraction,
        rule: Rule {
            name: "fraction",
            pattern: "q=@qualifier? n=(a | an | <num>) hy=~-? f=@fraction_word",
            examples: &[
                "[{n:Two}{hy:-}{f:thirds}] of the members voted to strike.",
                "[{q:Nearly} {n:a} {f:third}] of households fell behind.",
                "The lake lost [{n:three} {f:quarters}] of its volume.",
                "!The third quarter began on Monday.",
            ],
        },
    },
    QuantityRule {
        read: Read::Half,
        rule: Rule {
            name: "half",
            pattern: "q=@qualifier? f=half",
            examples: &[
                "[{f:Half}] the staff were sent home.",
                "[{q:More than} {f:half}] of the votes were counted.",
            ],
        },
    },
    QuantityRule {
        read: Read::Vague,
        rule: Rule {
            name: "vague",
            pattern: "v=@vague_plural (o=of v2=@vague_plural?)?",
            examples: &[
                "[{v:Tens} {o:of} {v2:thousands}] of protesters filled the square.",
                "[{v:Hundreds} {o:of}] flights were cancelled.",
                "[{v:Hundreds}] more were evacuated later.",
            ],
        },
    },
    QuantityRule {
        read: Read::Several,
        rule: Rule {
            name: "several",
            pattern: "v=(several | a few) s=@scale_word{1,3}",
            examples: &[
                "[{v:Several} {s:thousand}] fans gathered outside.",
                "[{v:A few} {s:hundred}] villagers stayed behind.",
            ],
        },
    },
    QuantityRule {
        read: Read::Age,
        rule: Rule {
            name: "age",
            pattern: "n=<num> hy=~-? u=(year | month | week | day) ~- ~old",
            examples: &[
                "An [{n:81} {u:year}-old] wins the city marathon.",
                "A [{n:7}{hy:-}{u:year}-old] boy was found safe.",
                "The [{n:six}-{u:month}-old] baby is well.",
            ],
        },
    },
    QuantityRule {
        read: Read::Strong,
        rule: Rule {
            name: "strong",
            pattern: "q=@qualifier? n=<amount> ~- ~strong",
            examples: &["A [{n:30,000}-strong] force crossed the river."],
        },
    },
    QuantityRule {
        read: Read::Plain,
        rule: Rule {
            name: "plain",
            pattern: "q=@qualifier? n=<amount> plus=~+?",
            examples: &[
                "[{q:More than} {n:300}] flights were grounded.",
                "Organisers expect [{n:5,000}{plus:+}] runners.",
                "The army massed [{n:130,000}] troops.",
                "Support stands at [{q:about} {n:61%}].",
            ],
        },
    },
];

/// Look-alikes: numbers that are not amounts (dates, clock times, labels,
/// model names, ages in apposition). The tokens captured as `x` start no
/// number.
pub(super) const LOOKALIKES: &[Rule] = &[
    Rule {
        name: "clock",
        pattern: "x=#num ~: ~#num (~: ~#num)?",
        examples: &[
            "Polls close at [{x:8}:30] p.m.",
            "The call ended at [{x:10}:30:15] sharp.",
        ],
    },
    Rule {
        name: "time_of_day",
        pattern: "x=#num ( @meridiem | @time_zone | o'clock | o’clock | hrs )",
        examples: &[
            "Trains leave at [{x:0700} GMT] daily.",
            "They met at [{x:9} a.m.] local time.",
            "The bells rang at [{x:10} o'clock] sharp.",
            "Curfew starts at [{x:1800} hrs] daily.",
        ],
    },
    Rule {
        name: "day_month",
        pattern: "x=((#digits:1-2 (to | and | or | - | –))? #digits:1-2) of? \
                  (@month&#cap | @month_abbr&#cap | @month&!@month_common_word | \
                  @month_abbr&!@month_common_word)",
        examples: &[
            "The storm hit on [{x:4} February] and again later.",
            "Talks run [{x:2 to 4} March] in Vienna.",
            "!Up to 5 may come.",
        ],
    },
    Rule {
        name: "month_day",
        pattern: "(@month&#cap | @month_abbr&#cap | @month&!@month_common_word | \
                  @month_abbr&!@month_common_word) \\.? x=#digits:1-2",
        examples: &[
            "The vote is set for [Oct. {x:9}] in Ankara.",
            "The meeting on [oct . {x:9}] was postponed.",
            "It hit again on [February {x:12}].",
            "!She may 5 times have tried.",
        ],
    },
    Rule {
        name: "weekday_number",
        pattern: "@weekday&#cap x=#digits:1-2",
        examples: &["It opens on [Friday {x:13}] at noon."],
    },
    Rule {
        name: "label",
        pattern: "@label_word \\.? x=#num (?! ~% | @percent_word )",
        examples: &[
            "[Article {x:5}] of the treaty was invoked.",
            "!The plan helps the top 1 percent of earners.",
            "!No 58%. Yes 33%.",
            "He lives at [No. {x:10}] Downing Street.",
            "The details are on [page {x:12}] of the report.",
            "[Flight {x:370}] vanished over the ocean.",
        ],
    },
    Rule {
        name: "group_of",
        pattern: "group&#cap of x=#num",
        examples: &["Leaders met at the [Group of {x:20}] summit."],
    },
    Rule {
        name: "ratio",
        pattern: "(#digits:1-2 | @number_word&#lower | ^ @number_word) in x=(#num | @number_word)",
        examples: &[
            "[Seven in {x:10}] voters agreed.",
            "Roughly [one in {x:five}] adults smokes.",
            "!It paid $42,000 in five years and 2016 in three groups.",
            "!Russia took Uranium One in three deals.",
        ],
    },
    Rule {
        name: "model",
        pattern: "#word ~- x=~#num",
        examples: &[
            "The [F-{x:35}] jets landed.",
            "[COVID-{x:19}] cases rose again.",
        ],
    },
    Rule {
        name: "apposition_age",
        pattern: "#cap ~, x=#digits:1-3 (, | \\))",
        examples: &["Joe [Biden, {x:79},] said the plan would pass."],
    },
    Rule {
        name: "list_mark",
        pattern: "\\( x=~#num \\)",
        examples: &["See item [({x:3})] below."],
    },
];
