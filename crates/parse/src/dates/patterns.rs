//! The date patterns: each is ONE declared unit, a token rule (its words,
//! its match, its examples) and the handler that turns its captures into
//! a date, time, duration or set. Adding a pattern is one entry here plus
//! its examples (and a case in `testdata/extract/dates.toml`).
//!
//! Pattern syntax: [`crate::rules`]. Words that are lists live in lexicon
//! classes (`@month`, `@time_unit`, `@time_reference` for words and
//! phrases…, files under `crates/parse/data/lexicon/`). Capture names are
//! what the handlers read (see [`super::resolve`]): `y` a four-digit year,
//! `y2` a second or two-digit year, `m`/`m2` a month, `d`/`d2` a day, `wd`
//! a weekday, `part` a part of a month or year, `mod` a modifier, `unit`
//! a unit of time, `n` a count, `tod` a part of the day, `cue` a word
//! before a year, `a`/`b` the two ends of a range, and a few more named at
//! their rules.
//!
//! On overlapping matches the longest wins, then the earliest, then the
//! rule declared first: order matters only between rules that match the
//! same words.

use super::resolve::{self, Handler};
use crate::rules::{Rule, RuleSet};
use std::sync::LazyLock;

/// A date pattern: its rule and its handler.
pub(super) struct DatePattern {
    pub(super) rule: Rule,
    pub(super) handler: Handler,
}

/// Shorthand for a table entry.
const fn p(
    name: &'static str,
    pattern: &'static str,
    handler: Handler,
    examples: &'static [&'static str],
) -> DatePattern {
    DatePattern {
        rule: Rule {
            name,
            pattern,
            examples,
        },
        handler,
    }
}

// Fragments shared by several patterns (macros, so that each pattern is
// still one `&'static str`, put together at compile time).

/// A month name: “February”, “Feb”, “Feb.”.
macro_rules! month_name {
    () => {
        "( @month | @month_abbr ~.? )"
    };
}

/// A day of the month: “4”, “4th”.
macro_rules! day {
    () => {
        "( #digits:1-2 | #ordinal )"
    };
}

/// A count: “three”, “twenty-five”, “90”, “a”, “a couple of”.
macro_rules! count {
    () => {
        "( @number_word ~- ~@number_word | @number_word | #digits:1-3 | a couple of | an | a )"
    };
}

/// After a four-digit number: the check that it is no amount or clock
/// time (“2022%”, “2021-22”, “2000 soldiers”, “1945 GMT”, “2000 of them”).
macro_rules! year_stop {
    () => {
        " (?! ~% | ( ~- | ~– | ~/ ) ~#num | @counted_noun | @time_zone | of )"
    };
}

/// A year in words as read aloud: “nineteen ninety-six”, “nineteen
/// seventy”. Only the twentieth century's “nineteen …”: “twenty fifty”
/// is too often a count.
macro_rules! year_words {
    () => {
        "( nineteen @number_word ( ~- ~@number_word )? (?! ~- | @counted_noun | @scale_word | @number_word ) )"
    };
}

/// Every date pattern, in the order that breaks ties.
pub(super) const PATTERNS: &[DatePattern] = &[
    // ----------------------------------------------------------- ISO forms
    p(
        "iso_time",
        "y=#digits:4 ~- mo=~#digits:2 ~- dh=~/\\d{2}T\\d{2}/ ~: mi=~/\\d{2}z?/ ( ~: ~/\\d{2}(\\.\\d+)?z?/ )?",
        resolve::iso_time,
        &[
            "The order was signed at [{y:2024}-{mo:03}-{dh:12T14}:{mi:05}:00Z], the log shows.",
            "Filed [2024-03-12T09:30], amended later.",
            "!The filing is dated 2024-03-12.",
        ],
    ),
    p(
        "iso",
        "y=#digits:4 ~- mo=~#digits:2 ~- d=~#digits:2",
        resolve::iso_date,
        &[
            "The court filing is dated [{y:2024}-{mo:01}-{d:26}].",
            "!Call 2024-1-26 now.",
        ],
    ),
    // -------------------------------------------------------------- ranges
    p(
        "day_range",
        concat!("a=( d=", day!(), " m=", month_name!(), " ) ( - | – | to | until | through ) \
         b=( d2=", day!(), " m2=", month_name!(), " ) \
         ( ,? y=#digits:4", year_stop!(), " )?"),
        resolve::day_range,
        &[
            "The exhibition ran [{a:3 May} - {b:9 June}] at the museum.",
            "Talks run from [{a:{d:28} {m:Feb}} to {b:{d2:2} {m2:March}} {y:2025}].",
        ],
    ),
    p(
        "day_range_month_first",
        concat!("a=( m=", month_name!(), " d=", day!(), " ) ( - | – | to | until | through ) \
         b=( m2=", month_name!(), " d2=", day!(), " ) \
         ( ,? y=#digits:4", year_stop!(), " )?"),
        resolve::day_range,
        &["The fair runs [{a:May 30} - {b:June 2}, {y:2024}]."],
    ),
    p(
        "month_range",
        concat!("m=@month&#cap ( to | through | until | - | – ) m2=@month&#cap \
         ( ,? y=#digits:4", year_stop!(), " )?"),
        resolve::month_range,
        &[
            "The dam was closed from [{m:March} to {m2:October}] for repairs.",
            "Output fell in [{m:July}-{m2:September} {y:2023}].",
        ],
    ),
    p(
        "month_range_between",
        concat!("between m=@month&#cap and m2=@month&#cap ( ,? y=#digits:4", year_stop!(), " )?"),
        resolve::month_range,
        &["Most attacks came [between {m:May} and {m2:August}]."],
    ),
    // ------------------------------------------------- a day and a month
    p(
        "month_day",
        concat!("m=", month_name!(), " d=", day!(), " ( ( - | – ) d2=", day!(), " )? \
         ( ,? y=#digits:4", year_stop!(), " | (?! @counted_noun | of ) )"),
        resolve::day,
        &[
            "The vote was held on [{m:January} {d:26}, {y:2024}], officials said.",
            "He was last seen [{m:Nov.} {d:3}].",
            "Talks are set for [{m:Feb} {d:2}-{d2:4}].",
            "the vote on [{m:may} {d:8}] was annulled.",
            "!In March 15 people died.",
        ],
    ),
    p(
        "abbr_month_day",
        concat!("m=@month_abbr ~. d=", day!(), " ( ( - | – ) d2=", day!(), " )? (?! ~#num )"),
        resolve::day,
        &[
            "The bombings on [{m:Aug}. {d:7}] killed 224 people.",
            "Shares will be redeemed on [{m:Dec}. {d:7}] of this year.",
        ],
    ),
    p(
        "weekday_month_day",
        concat!("wd=@weekday ,? m=", month_name!(), " d=", day!(), " ( ( - | – ) d2=", day!(), " )? \
         ( ,? y=#digits:4", year_stop!(), " )?"),
        resolve::day,
        &["The summit opens on [{wd:Thursday}, {m:February} {d:2}]."],
    ),
    p(
        "day_month",
        concat!("d=", day!(), " ( ( - | – ) d2=", day!(), " )? of? m=", month_name!(), " \
         ( ,? y=#digits:4", year_stop!(), " \
         | ( ' | ’ )? y2=#digits:2 (?! #num | @counted_noun | #word&!@date_preposition&!@clause_boundary&!@date_bound&!on&!at ) )?"),
        resolve::day,
        &[
            "The talks began on [{d:4} {m:February} {y:2024}] in Geneva.",
            "He was born on [{d:5th} {m:Mar} {y2:79}] in Leeds.",
            "Polls open on the [{d:9th} of {m:May}].",
            "Fighting raged from [{d:2}-{d2:4} {m:February}].",
            "On [4 February] 22 people died.",
        ],
    ),
    p(
        "weekday_day_month",
        concat!("wd=@weekday ,? d=", day!(), " ( ( - | – ) d2=", day!(), " )? of? m=", month_name!(), " \
         ( ,? y=#digits:4", year_stop!(), " )?"),
        resolve::day,
        &["The ferry sails on [{wd:Friday} {d:12} {m:April}]."],
    ),
    // -------------------------------------------------------------- months
    p(
        "month_slash_year",
        concat!("m=#digits:1-2 ~/ y=~#digits:4", year_stop!()),
        resolve::month_slash_year,
        &[
            "Output has fallen since [{m:7}/{y:2015}].",
            "!The line runs 24/7 now.",
        ],
    ),
    p(
        "month_year",
        concat!("m=@month&#cap ,? of? y=( #digits:4", year_stop!(), " | ", year_words!(), " )"),
        resolve::month,
        &[
            "The plant opened in [{m:March} {y:2021}].",
            "Prices peaked in [{m:June} of {y:2022}].",
            "The clinic was bombed in [{m:January} {y:nineteen ninety-seven}].",
            "!The plant opened in March 2000 people.",
        ],
    ),
    p(
        "part_month_year",
        concat!("part=@date_part ( ~- | of the? )? m=@month&#cap ,? of? y=#digits:4", year_stop!()),
        resolve::month,
        &["Rates rose in [{part:late} {m:June} {y:2022}]."],
    ),
    p(
        "part_month",
        "part=@date_part ( ~- | of the? )? m=@month&#cap",
        resolve::month,
        &[
            "The talks resume in [{part:mid}-{m:February}].",
            "Work ends at the [{part:end} of {m:March}].",
        ],
    ),
    p(
        "modified_month",
        "mod=( last | next | this | coming | past | upcoming ) m=@month&#cap",
        resolve::month,
        &[
            "The plant closed [{mod:last} {m:May}], the company said.",
            "!The plant closed last may.",
        ],
    ),
    p(
        "cued_month",
        "( (?<= month of ) | (?<= @date_preposition&!of | @date_bound | to ) ) m=@month&#cap \
         (?! @reporting_verb | @auxiliary&!for&!on | and #cap&!@month | and ( her | his | their ) )",
        resolve::month,
        &[
            "The vote was held in [{m:May}], officials said.",
            "He resigned in [{m:August}] for health reasons.",
            "The firm sold the unit in [{m:March}] and took a charge.",
            "Talks began in [{m:May}] and ended in June.",
            "!A deal backed by May and Corbyn failed.",
            "!The defeat was a blow to May and her government.",
            "!Since May has led the party, it split.",
            "The bridge is due to open in [June].",
            "The month of [May] brought rain.",
            "!Under May, the party split.",
            "!In May said the talks failed.",
        ],
    ),
    p(
        "month",
        "(?<! #cap ) m=( @month&#cap&!@month_name_ambiguous | @month's&#cap&!@month_name_ambiguous's )",
        resolve::month,
        &[
            "Inflation peaked in [October], the bank said.",
            "Analysts revised [{m:December's}] figures.",
            "!Theresa May's cabinet met.",
            "[February] was the coldest month.",
            "!Prime Minister Theresa May spoke.",
            "!The Pentagon's Operation November ended.",
        ],
    ),
    // --------------------------------------------------------------- years
    p(
        "year_range_between",
        concat!("between y=#digits:4 and y2=#digits:4", year_stop!()),
        resolve::year_range,
        &[
            "The clinic was attacked four times [between {y:1994} and {y2:1997}].",
            "!Between 1500 and 2000 people came.",
        ],
    ),
    p(
        "year_range",
        concat!("(?<! @change_verb ) (?<! @change_verb from ) y=#digits:4 ( ~- | ~– | to | through | until | – | - ) \
         y2=( #digits:4 | ~#digits:2 )", year_stop!()),
        resolve::year_range,
        &[
            "The [{y:2014}-{y2:2016}] drought killed thousands of cattle.",
            "He served from [{y:1991} to {y2:1997}].",
            "The [{y:1990}-{y2:91}] recession.",
            "!Output rose from 1990 to 2000 tonnes.",
        ],
    ),
    p(
        "cued_year",
        concat!("(?<! #num ) cue=( @date_preposition&!of | @date_bound ) (?<! @change_verb ( by | from ) ) \
         ( part=@date_part ~-? )? y=#digits:4", year_stop!()),
        resolve::year,
        &[
            "Exports fell [{cue:in} {y:2022}] for the first time.",
            "The law has applied [{cue:since} {y:2014}].",
            "Emissions must halve [by {y:2030}].",
            "Growth slowed [in {part:early} {y:2023}].",
            "!The price rose by 2000 dollars.",
            "!Output rose by 2000 last year.",
        ],
    ),
    p(
        "cued_early_year",
        // a year before 1900 needs a preposition of time before it and
        // nothing that could be its noun after it: “in 1500 homes” and
        // “by 1500” are counts, “in 1898.” is a year
        concat!("(?<! #num ) cue=@date_preposition&!of&!by&!from&!through&!within \
         y=#digits:4&/1[0-8]\\d\\d/", year_stop!(), " (?! #word&!@clause_boundary | #num )"),
        resolve::year_any_century,
        &[
            "The island won its independence [{cue:in} {y:1898}].",
            "The bridge has stood [since {y:1865}], records show.",
            "The town grew [after {y:1850}], when the railway came.",
            "!The firm sells in 1500 shops.",
            "!Prices fell by 1500 last year.",
            "!About 1500 were killed.",
        ],
    ),
    p(
        "dating_to_year",
        // “dating (back) to”, “dates (back) to”: what follows is a time
        concat!("(?<= ( dating | dates | dated ) to ) y=#digits:4", year_stop!(), " (?! /b\\.?c\\.?e?\\.?/ | b ~. )"),
        resolve::year_any_century,
        &[
            "The feud, dating to [1994], split the town.",
            "The church dates to [1452], the guide said.",
            "!The tool dates to 1500 BC, the guide said.",
        ],
    ),
    p(
        "dating_back_to_year",
        concat!("(?<= ( dating | dates | dated ) back to ) y=#digits:4", year_stop!(), " (?! /b\\.?c\\.?e?\\.?/ | b ~. )"),
        resolve::year_any_century,
        &["Records dating back to [1865] were lost in the fire."],
    ),
    p(
        "clause_opening_for_year",
        // “For 1988, the company earned …”: a year after “for” opening
        // the sentence, set off by a comma, is the period reported on
        concat!("(?<= ^ for ) y=#digits:4", year_stop!(), " (?= , )"),
        resolve::year,
        &[
            "For [1988], the bank earned $1.7 billion.",
            "!He paid for 2000 tickets.",
        ],
    ),
    p(
        "part_year",
        concat!("part=@date_part ~-? y=#digits:4", year_stop!()),
        resolve::year,
        &["Elections are due [{part:mid}-{y:2025}]."],
    ),
    p(
        "part_of_year",
        concat!("part=@date_part of y=#digits:4", year_stop!()),
        resolve::part_of_year,
        &["The mission ends at the [{part:end} of {y:2021}]."],
    ),
    p(
        "fiscal_year",
        concat!("fiscal=fiscal y=#digits:4", year_stop!()),
        resolve::year,
        &["Profit rose in [{fiscal:fiscal} {y:1989}]."],
    ),
    p(
        "year_of",
        concat!("(?<= ( rest | course | @time_unit&/.+s/ ) of ) y=#digits:4", year_stop!()),
        resolve::year,
        &[
            "Prices will rise for the rest of [2024].",
            "Hiring slowed in the first nine months of [2023].",
        ],
    ),
    p(
        "year_of_name",
        concat!("(?<= #word #cap&!@count_cue of ) y=#digits:4", year_stop!()),
        resolve::year,
        &[
            "After the Refugee Act of [1980] set up a process, the town grew.",
            "He spoke to the Class of [2002] on Sunday.",
            "!Out of 1990 applicants, few passed.",
        ],
    ),
    p(
        "year_after_of",
        concat!("(?<= ( as | #word&!@count_cue&!@vague_plural&!@number_word ) of ) \
         y=#digits:4&!/\\d\\d00/", year_stop!(), " (?! #word&!@clause_boundary )"),
        resolve::year,
        &[
            "Debt per graduate was $25,550 as of [2012].",
            "After the crash of [2008] and the slump that followed, savings fell.",
            "She wants to avoid a replay of [2008], when she lost Iowa.",
            "!A crowd of 2000 gathered outside.",
            "!The total of 1985 is a record.",
            "!She was one of 1950 who applied.",
        ],
    ),
    p(
        "year",
        concat!("(?<! #num | @count_cue | of | to | from | by | #cap&!#possessive&!@determiner&!@date_preposition&!@date_bound | ~- | ~– | $ | € | £ ) \
         y=#digits:4", year_stop!()),
        resolve::year,
        &[
            "A [2015] report warned of the risk.",
            "The [1996] Olympic bombing shocked the city.",
            "[2023] was the hottest year on record.",
            "!About 2000 people marched.",
            "!He runs Windows 2000 still.",
            "!The total of 2000 is a record.",
        ],
    ),
    p(
        "year_in_words",
        concat!("(?<! @number_word | #num ) y=", year_words!()),
        resolve::year,
        &[
            "The convictions were overturned in [{y:nineteen ninety-six}].",
            "!Nineteen people were hurt.",
            "!Some nineteen hundred people fled.",
        ],
    ),
    p(
        "year_two_thousand",
        "(?<= year ) y=( two thousand ( and? @number_word )? ) (?! @counted_noun | @scale_word | @number_word )",
        resolve::year,
        &[
            "Unemployment was to halve by the year [{y:two thousand}].",
            "!About two thousand were evacuated.",
        ],
    ),
    p(
        "decade",
        "y=#digit&/(1[89]|20)\\d0['’]?s/",
        resolve::decade,
        &["Crime fell in the [{y:1990s}]."],
    ),
    p(
        "part_decade",
        "part=@date_part ~-? y=#digit&/(1[89]|20)\\d0['’]?s/",
        resolve::decade,
        &["Born in the [{part:early} {y:1980s}], she moved."],
    ),
    p(
        "short_decade",
        "(?<= ' | ’ ) y=~/\\d0s/",
        resolve::decade,
        &["A hit of the ’[{y:90s}] returns."],
    ),
    // ------------------------------------------------- quarters, seasons
    p(
        "quarter",
        "mod=( the | this | last | next | its | their ) fiscal=fiscal? ord=@ordinal_word ~-? unit=quarter \
         ( of? y=#digits:4 (?! ~% | @counted_noun ) )?",
        resolve::quarter,
        &[
            "Profit rose 8 percent in [{mod:the} {ord:third} {unit:quarter}], the bank said.",
            "Sales fell in [the {fiscal:fiscal} first quarter of {y:1990}].",
            "!He scored in the third time.",
        ],
    ),
    p(
        "bare_quarter",
        "ord=@ordinal_word ~-? unit=quarter ( of? y=#digits:4 (?! ~% | @counted_noun ) )?",
        resolve::quarter,
        &["[{ord:Third}-{unit:quarter}] profit rose 8 percent."],
    ),
    p(
        "fiscal_quarter",
        "fiscal=fiscal ord=@ordinal_word ~-? unit=quarter ( of? y=#digits:4 (?! ~% | @counted_noun ) )?",
        resolve::quarter,
        &["Sales rose in its [{fiscal:fiscal} {ord:second} quarter]."],
    ),
    p(
        "year_quarter",
        "( y=#digits:4 | ymod=( last | this | next ) /year['’]s/ | ago=( year ~- ~earlier | year ~- ~ago ) ) \
         fiscal=fiscal? ord=@ordinal_word ~-? unit=( quarter | half )",
        resolve::quarter,
        &[
            "Net fell from $5 million in the [{y:1988} {ord:third} {unit:quarter}].",
            "The cut takes effect in [{ymod:next} year's {ord:first} {unit:quarter}].",
            "Profit beat the [{ago:year-ago} {ord:third} quarter] result.",
        ],
    ),
    p(
        "year_period",
        "( y=#digits:4 | ymod=( last | this | next ) /year['’]s/ ) ( quarter | period ) (?! ~- | of )",
        resolve::year_quarter,
        &[
            "The bank earned $3 million in the [{y:1988} period].",
            "Sales for [{ymod:last} year's quarter] were $3 million.",
            "!Net rose in the 1988 quarter-point cut.",
        ],
    ),
    p(
        "half_of_year",
        "the ord=@ordinal_word unit=half of y=#digits:4",
        resolve::quarter,
        &["Growth slowed in [the {ord:first} {unit:half} of {y:2024}]."],
    ),
    p(
        "quarter_code",
        "q=#digit&/q[1-4]/ ( ~- | ' | ’ )? y=#digits:4?",
        resolve::quarter,
        &["Revenue rose in [{q:Q3} {y:2024}]."],
    ),
    p(
        "anchored_quarter",
        "the ( ago=( year ~- ~earlier | year ~- ~ago ) | which=( latest | current | recent | most recent | same ) )? \
         unit=( quarter | period ) (?! of | ~- )",
        resolve::anchored_quarter,
        &[
            "Net fell to $5 million from $7 million in [the {ago:year-ago} quarter].",
            "Sales rose in [the quarter].",
            "Orders should pick up in [the {which:current} {unit:quarter}].",
            "!A quarter of the staff left.",
        ],
    ),
    p(
        "season_year",
        concat!("s=@season of? y=( #digits:4 (?! ~% | @counted_noun ) | ", year_words!(), " )"),
        resolve::season,
        &[
            "The dam burst in the [{s:summer} of {y:2021}].",
            "Oil fell to that level in the [{s:winter} of {y:nineteen ninety-four}].",
        ],
    ),
    p(
        "modified_season",
        "mod=( last | this | next | coming | past | early | late ) s=@season&!#cap (?! of (?! #digits:4 ) )",
        resolve::season,
        &[
            "Tourist numbers slumped [{mod:last} {s:summer}] after the floods.",
            "!The last fall of the wall.",
        ],
    ),
    p(
        "cued_season",
        "(?<= @date_preposition&!of | @date_bound ) the? s=@season&!#cap (?! of | in )",
        resolve::season,
        &[
            "The strike began in [the {s:spring}].",
            "!Prices rose in the fall in demand.",
        ],
    ),
    // ----------------------------------------------- days and periods
    p(
        "holiday",
        "mod=( last | next | this )? h=@holiday (?! #lower | day | eve )",
        resolve::holiday,
        &[
            "The boy was rescued at sea on [{h:Thanksgiving Day}].",
            "Sales slumped [{mod:last} {h:Christmas}], the chain said.",
            "Stores stay open on [{h:Christmas Eve}].",
            // a holiday before a lowercase noun names a thing, not a day
            "!A truck drove into the Christmas market in the square.",
            "!The Thanksgiving Day parade drew big crowds.",
            "!Thanksgiving dinner costs more this year, a survey found.",
        ],
    ),
    p(
        "cued_holiday",
        // … unless a modifier or a date preposition makes it one
        "( mod=( last | next | this ) | (?<= @date_preposition&!of | @date_bound | on | at | over | for ) ) h=@holiday",
        resolve::holiday,
        &[
            "[{mod:Last} {h:Christmas}] we sold more toys.",
            "On [{h:Christmas}] families gather in the square.",
        ],
    ),
    p(
        "weekday",
        "(?<! @holiday_word&#cap ) wd=( @weekday | @weekday's ) tod=@day_part?",
        resolve::weekday,
        &[
            "The minister resigned on [{wd:Tuesday}], his office said.",
            "The blast was heard on [{wd:Tuesday} {tod:night}].",
            "Lawyers fought [{wd:Wednesday's}] ruling.",
            "police said the arrests were made on [tuesday].",
            "!Shops opened early on Black Friday.",
        ],
    ),
    p(
        "modified_weekday",
        "mod=( this past | last | next | this | coming | past | upcoming ) wd=( @weekday | @weekday's ) tod=@day_part?",
        resolve::weekday,
        &[
            "Negotiators will meet again [{mod:next} {wd:Tuesday}] in Doha.",
            "The rally was held [{mod:this past} {wd:Sunday}].",
        ],
    ),
    p(
        "deictic",
        "w=( @deictic_day | @deictic_day's ) tod=@day_part?",
        resolve::deictic,
        &[
            "The ship docked [{w:yesterday}] in Piraeus.",
            "Markets cheered [{w:today's}] figures.",
            "The court will rule [{w:tomorrow} {tod:morning}].",
            "He left [{w:the day before yesterday}].",
        ],
    ),
    p(
        "adverb_deictic",
        "adv=( late | early | earlier | later ) w=@deictic_day tod=@day_part?",
        resolve::deictic,
        &["Shares fell [{adv:late} {w:yesterday}]."],
    ),
    p(
        "part_of_today",
        "w=( this | last ) tod0=@day_part",
        resolve::deictic,
        &[
            "The ministers met [{w:this} {tod0:morning}].",
            "Shelling resumed [last night].",
        ],
    ),
    p(
        "period",
        "mod=( this past | last | this | next ) unit=( week | weekend | month | year | /(week|weekend|month|year)['’]s/ )",
        resolve::period,
        &[
            "Fuel prices rose sharply [{mod:last} {unit:week}], the agency said.",
            "[{mod:This} {unit:year's}] harvest is poor.",
            "The vote was held [{mod:this past} {unit:weekend}].",
            "NEWS OF [{mod:THIS} {unit:WEEK}]",
        ],
    ),
    p(
        "current_period",
        "(?<= the ) mod=current unit=( week | month | year )",
        resolve::period,
        &["Sales should rise in the [{mod:current} {unit:year}]."],
    ),
    p(
        "year_end",
        "(?<= @date_preposition&!of | @date_bound | around | toward | towards ) \
         ( year ~- ~end | year end | @time_unit's&/year['’]s/ end ) (?! ~- )",
        resolve::year_end,
        &[
            "The deal should close by [year-end], the bank said.",
            "The index has risen 12 percent since [year-end].",
            "Staff will be cut by [year's end].",
            "!The year-end bonus was paid.",
        ],
    ),
    p(
        "period_earlier_later",
        "adv=( earlier | later ) mod=this unit=( week | month | year )",
        resolve::period,
        &["The bank cut rates [{adv:earlier} this {unit:month}]."],
    ),
    p(
        "weekend",
        "(?<= over | during | at | on | since | until | by ) the weekend",
        resolve::weekend,
        &["Fighting flared over [the weekend], residents said."],
    ),
    p(
        "part_of_period",
        "part=@date_part of mod=( the | this | next | last ) unit=( week | month | year )",
        resolve::part_of_period,
        &["Troops will arrive by the [{part:end} of {mod:the} {unit:month}]."],
    ),
    // ---------------------------------------------- offsets and anchors
    p(
        "ago",
        "n=( @number_word ~- ~@number_word | @number_word | #digits:1-3 | a few | a couple of | an | a | several | many | few ) \
         unit=@time_unit ago",
        resolve::ago,
        &[
            "The talks ended [{n:two} {unit:weeks} ago].",
            "The plant opened [{n:a} {unit:year} ago].",
            "!Two weeks later the talks ended.",
        ],
    ),
    p(
        "earlier_later",
        "n=( @number_word ~- ~@number_word | @number_word | #digits:1-3 | an | a ) unit=@time_unit dir=( earlier | later )",
        resolve::anchored,
        &[
            "Sales were 12 percent lower than [{n:a} {unit:year} {dir:earlier}].",
            "He was freed [{n:two} {unit:days} {dir:later}].",
        ],
    ),
    p(
        "year_earlier",
        "unit=year ~- dir=( ~earlier | ~ago )",
        resolve::anchored,
        &["Profit beat the [{unit:year}-{dir:earlier}] level."],
    ),
    p(
        "that_unit",
        // “that day” needs a word of time with it or a preposition before
        // it: after “said” it opens a clause (“said that day care
        // centers would reopen”)
        "( ( earlier | later ) that same? | (?<= @date_preposition&!of | on | at | by ) that same? | that same ) unit=( day | month | year ) (?! ~- | @plural_noun )",
        resolve::that_unit,
        &[
            "The plant opened in June 2019 and closed [later that {unit:year}].",
            "He was arrested on March 3; [that same {unit:day}] his house was searched.",
            "The bridge opened in May 2019; on [that {unit:day}] the mayor cut a ribbon.",
            "!Officials said that day-to-day work goes on.",
            "!Officials said that day care centers would reopen next week.",
        ],
    ),
    p(
        "next_day",
        "the dir=( next | following | previous | prior ) unit=( day | week | month | year )",
        resolve::anchored,
        &["He was arrested on Monday and charged [the {dir:next} {unit:day}]."],
    ),
    // ------------------------------------------------------------ sets
    p(
        "every",
        "( every | each ) n=( other | @number_word | #digits:1-3 )? \
         unit=( @time_unit | @weekday | @month&#cap | @season | @day_part | night | weekend )",
        resolve::set,
        &[
            "The ferry sails [every {unit:Monday}] in winter.",
            "Inspectors visit [every {n:two} {unit:weeks}].",
            "!They asked each of the men.",
        ],
    ),
    p(
        "set_word",
        "word=@set_word (?! #cap | newspaper | newspapers | paper | papers | tabloid | magazine )",
        resolve::set,
        &[
            "The ministry publishes figures [{word:daily}].",
            "!The daily Kommersant reported it.",
        ],
    ),
    p(
        "times_per",
        "(?<= times | twice | once | thrice ) ( a | per ) unit=@time_unit",
        resolve::set,
        &["The board meets twice [a {unit:year}]."],
    ),
    // ------------------------------------------------------- durations
    p(
        "past_period",
        "( the past | the coming | past | coming ) unit=( week | month | year | fortnight )",
        resolve::duration,
        &["Prices doubled over [the past {unit:month}]."],
    ),
    p(
        "modified_duration",
        concat!("( the ( past | last | next | coming | first | previous | following | final | latest | initial )? \
         | past | last | next | coming | first | previous | following ) \
         n=", count!(), " ~-? unit=@time_unit \
         (?! ago | earlier | later | old | ~- ~old )"),
        resolve::duration,
        &[
            "Prices have doubled over [the past {n:two} {unit:months}], traders said.",
            "Profit rose in [the first {n:nine} {unit:months}].",
            "Talks go on for [the next {n:twenty-five} {unit:days}].",
            "!Officials spoke to the 6-year-old boy.",
        ],
    ),
    p(
        "duration",
        concat!("n=", count!(), " ~-? unit=@time_unit \
         (?! ago | earlier | later | old | ~- ~old ) ( (?<! quarter | quarters ) | (?! of ) )"),
        resolve::duration,
        &[
            "The suspects were held for [{n:90} {unit:days}] without charge.",
            "The plant will be finished in [{n:three} {unit:years}], the company said.",
            "He began a [{n:two}-{unit:year}] term.",
            "A fire broke out within [{n:a} {unit:week}].",
            "!A 44-year-old teacher was hurt.",
            "!The teacher is 44 years old.",
            "!A quarter of the staff left.",
        ],
    ),
    p(
        "modified_vague_duration",
        "( the ( past | last | next | coming | recent | following ) | past | next | coming | recent | last ) \
         n=( few | several | many | couple of )? unit=@time_unit&/.+s/ (?! of | ago | earlier | later )",
        resolve::duration,
        &[
            "Talks will resume in [the coming {unit:weeks}].",
            "Prices rose in [recent {unit:months}].",
            "He will decide in [the next {n:few} {unit:days}].",
            "!The last days of the empire were grim.",
            "!Agents watched the house in the weeks before the attack.",
        ],
    ),
    p(
        "vague_duration",
        "n=( a few | a couple of | several | many | few ) unit=@time_unit&/.+s/ (?! ago | earlier | later )",
        resolve::duration,
        &["The ceasefire held for [{n:several} {unit:years}]."],
    ),
    p(
        "for_units",
        "(?<= for | over ) unit=@time_unit&/.+s/ (?! of | ago | earlier | later )",
        resolve::duration,
        &["The two sides have fought for [decades]."],
    ),
    p(
        "ahead",
        "unit=@time_unit&/.+s/ ahead",
        resolve::duration,
        &[
            "Talks will go on in the [{unit:days} ahead].",
            "!The weeks-ahead plan was shelved.",
        ],
    ),
    // ---------------------------------------------------- references
    p(
        "time_reference",
        "(?<! as | how | too | so ) ref=@time_reference (?! after | before | thereafter | afterwards | afterward | as | enough | that | than )",
        resolve::reference,
        &[
            "The company [now] employs 400 people.",
            "The bank [recently] raised rates.",
            "It will be decided in [the near future].",
            "!Call as soon as you can.",
            "!Now that the vote is over, talks resume.",
        ],
    ),
    // ----------------------------------------------------------- clocks
    p(
        "clock",
        "h=#digits:1-2 ( ~: mi=~#digits:2 )? mer=@meridiem tz=@time_zone?",
        resolve::clock,
        &[
            "The blast came at [{h:10} {mer:p.m.}] on Wednesday.",
            "Trading halted at [{h:10}:{mi:35} {mer:a.m.} {tz:EST}].",
        ],
    ),
    p(
        "clock_zone",
        "h=#digits:1-2 ~: mi=~#digits:2 tz=@time_zone",
        resolve::clock,
        &["The summit opens at [{h:17}:{mi:30} {tz:GMT}] Friday."],
    ),
    p(
        "clock_cued",
        "(?<= @date_bound | at | around | about ) h=#digits:1-2 ~: mi=~#digits:2 (?! ~: )",
        resolve::clock,
        &["The polls close at [{h:20}:{mi:00}].", "!They won 3:21 in the final."],
    ),
    p(
        "clock_compact",
        "hm=/\\d{1,2}(am|pm)/ tz=@time_zone?",
        resolve::clock,
        &["The address airs tonight [{hm:9pm}] on state television."],
    ),
    p(
        "clock_word",
        "cw=@clock_word tz=@time_zone?",
        resolve::clock,
        &["The jury will return its verdict tomorrow at [{cw:noon}]."],
    ),
    p(
        "clock_part_of_day",
        "h=#digits:1-2 in the tod=@day_part",
        resolve::clock,
        &["He will leave at [{h:4} in the {tod:morning}]."],
    ),
];

/// The rules of [`PATTERNS`], compiled once.
pub(super) fn rule_set() -> &'static RuleSet {
    static R: LazyLock<RuleSet> = LazyLock::new(|| {
        let rules: Vec<Rule> = PATTERNS.iter().map(|d| d.rule).collect();
        RuleSet::new(&rules).expect("the date rules parse (a unit test checks them)")
    });
    &R
}
