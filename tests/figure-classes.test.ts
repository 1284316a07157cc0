/**
 * The figure rules on the classes of issue 14, in wordings written for this file (none from
 * a corpus): each invalid case names the rule and the exact text to flag; each clean case is
 * a trap of a class that published copy holds and must stay silent under every figure rule.
 * Known gaps are kept as `it.fails`.
 */
import {describe, expect, it} from 'vitest'
import {lintText} from './helpers.js'

type FigureRule =
  'garbled-numeral' | 'impossible-figure' | 'malformed-ordinal' | 'figure-arithmetic' | 'figure-consistency'
const FIGURE_RULES = new Set<string>([
  'garbled-numeral',
  'impossible-figure',
  'malformed-ordinal',
  'figure-arithmetic',
  'figure-consistency'
])

interface Case {
  ruleId: FigureRule
  text: string
  /** The exact text to be flagged (its first occurrence in `text`). */
  flag: string
  /** The fix the message offers, when it offers one. */
  expected?: string
}

const invalid: Case[] = [
  // impossible-figure: a share over 100% with words between the figure and its whole.
  {
    ruleId: 'impossible-figure',
    text: 'The mayor claimed 115 percent of registered voters backed him.',
    flag: '115 percent'
  },
  {ruleId: 'impossible-figure', text: 'Some 140% of the town’s households now pay the levy.', flag: '140%'},
  {
    ruleId: 'impossible-figure',
    text: 'Officials said 108 per cent of eligible adult residents had signed up.',
    flag: '108 per cent'
  },
  // impossible-figure: an age given as "aged N".
  {ruleId: 'impossible-figure', text: 'A farmer aged 141 was among those rescued.', flag: '141'},
  {ruleId: 'impossible-figure', text: 'The court heard that the defendant, aged 131, had fled.', flag: '131'},
  // impossible-figure: a population through a relative clause, an apposition, "combined".
  {
    ruleId: 'impossible-figure',
    text: 'Malaysia, which has a population of 330 million, cut its tariffs.',
    flag: '330 million',
    expected: '35.6 million'
  },
  {ruleId: 'impossible-figure', text: 'Thailand, which has 7 million people, voted on Sunday.', flag: '7 million'},
  {
    ruleId: 'impossible-figure',
    text: 'The ASEAN bloc, with a combined population of 6.9 billion, met in Jakarta.',
    flag: '6.9 billion'
  },
  {
    ruleId: 'impossible-figure',
    text: 'Vietnam, with a total population of 9.9 million, exports rice.',
    flag: '9.9 million'
  },
  // impossible-figure: a country off by ten.
  {
    ruleId: 'impossible-figure',
    text: 'Indonesia, a nation of 2.7 billion people, held elections.',
    flag: '2.7 billion'
  },
  // garbled-numeral: the percent sign before the number.
  {ruleId: 'garbled-numeral', text: 'Inflation eased to %3.4 in May.', flag: '%3.4', expected: '3.4%'},
  {ruleId: 'garbled-numeral', text: 'The jobless rate rose by %2 over the year.', flag: '%2', expected: '2%'},
  // garbled-numeral: placeholders in brackets or braces, of symbols, N/A.
  {ruleId: 'garbled-numeral', text: 'Retail sales grew [NUM] percent in the quarter.', flag: '[NUM] percent'},
  {ruleId: 'garbled-numeral', text: 'The port handled [X] million tonnes of cargo.', flag: '[X] million'},
  {ruleId: 'garbled-numeral', text: 'The grant totals {amount} dollars this year.', flag: '{amount}'},
  {ruleId: 'garbled-numeral', text: 'Donors pledged $[amount] billion to the fund.', flag: '$[amount] billion'},
  {ruleId: 'garbled-numeral', text: 'The bill was set at [VALUE].', flag: '[VALUE]'},
  {ruleId: 'garbled-numeral', text: 'Turnover fell N/A percent from the year before.', flag: 'N/A percent'},
  {ruleId: 'garbled-numeral', text: 'The project will cost *** million euros.', flag: '*** million'},
  {ruleId: 'garbled-numeral', text: 'Unemployment stood at __ percent.', flag: '__ percent'},
  // garbled-numeral: full-width characters and doubled separators.
  {ruleId: 'garbled-numeral', text: 'Around ４，２００ firms registered.', flag: '４，２００', expected: '4,200'},
  {ruleId: 'garbled-numeral', text: 'Around 4，200 firms registered.', flag: '4，200', expected: '4,200'},
  {ruleId: 'garbled-numeral', text: 'Output grew 2．7 percent.', flag: '2．7', expected: '2.7'},
  {ruleId: 'garbled-numeral', text: 'Output grew 2..7 percent.', flag: '2..7', expected: '2.7'},
  {ruleId: 'garbled-numeral', text: 'Some 6,,800 homes lost power.', flag: '6,,800', expected: '6,800'},
  // malformed-ordinal: a cardinal before an event name with a possessive or "of the".
  {
    ruleId: 'malformed-ordinal',
    text: 'Deputies met for the 13 National People’s Congress.',
    flag: '13',
    expected: '13th'
  },
  {
    ruleId: 'malformed-ordinal',
    text: 'She addressed the 4 World Farmers' + "'" + ' Congress in Rome.',
    flag: '4',
    expected: '4th'
  },
  {
    ruleId: 'malformed-ordinal',
    text: 'The 5 Plenary Session of the 18th Central Committee ended.',
    flag: '5',
    expected: '5th'
  },
  // malformed-ordinal: Chinese-order decades spelled in words.
  {
    ruleId: 'malformed-ordinal',
    text: 'Trade boomed in the twenties of the ninetieth century.',
    flag: 'the twenties of the ninetieth century',
    expected: 'the 1990s'
  },
  {
    ruleId: 'malformed-ordinal',
    text: 'The mill closed in the seventies of the last century.',
    flag: 'the seventies of the last century',
    expected: 'the 1970s'
  },
  {
    ruleId: 'malformed-ordinal',
    text: 'Rail came in the forties of the nineteenth century.',
    flag: 'the forties of the nineteenth century',
    expected: 'the 1840s'
  },
  // figure-arithmetic: the second endpoint leaves out the unit.
  {
    ruleId: 'figure-arithmetic',
    text: 'Deliveries climbed from 2.5 million units in 2022 to 3.0 million in 2024, an increase of 35 percent.',
    flag: '35 percent',
    expected: '20 percent'
  },
  {
    ruleId: 'figure-arithmetic',
    text: 'Passenger numbers rose from 400 travellers to 500, a rise of 40%.',
    flag: '40%',
    expected: '25%'
  },
  // figure-arithmetic: parts introduced by "came from", "were from".
  {
    ruleId: 'figure-arithmetic',
    text: 'The summit drew 600 delegates. Of them, 450 came from China and 250 were from Japan.',
    flag: '450 came from China and 250'
  },
  {
    ruleId: 'figure-arithmetic',
    text: 'The school took 80 pupils, 50 of whom came from the city and 40 from the villages.',
    flag: '50 of whom came from the city and 40'
  },
  {
    ruleId: 'figure-arithmetic',
    text: 'Of the 90 players, 60 were from clubs while 45 came from schools.',
    flag: '60 were from clubs while 45'
  },
  // figure-arithmetic: multiples against their endpoints.
  {ruleId: 'figure-arithmetic', text: 'Sales tripled from 300 cars to 450 cars.', flag: 'tripled'},
  {ruleId: 'figure-arithmetic', text: 'Costs halved from 90 dollars to 70 dollars.', flag: 'halved'},
  {ruleId: 'figure-arithmetic', text: 'Orders quadrupled, from 20 million to 30 million yuan.', flag: 'quadrupled'},
  {
    ruleId: 'figure-arithmetic',
    text: 'Profit rose fivefold to 12 million dollars from 6 million dollars.',
    flag: 'fivefold'
  },
  {ruleId: 'figure-arithmetic', text: 'Profit rose 4-fold from 5 million to 8 million euros.', flag: '4-fold'},
  {ruleId: 'figure-arithmetic', text: 'Traffic grew 3 times, from 10,000 to 12,000 visits.', flag: '3 times'},
  {ruleId: 'figure-arithmetic', text: 'Traffic increased six times from 100 to 200 flights.', flag: 'six times'},
  // figure-consistency: an age stated twice, once as a birthday.
  {
    ruleId: 'figure-consistency',
    text: 'Marta Silva, 38, chairs the board. Marta Silva turned 47 on Tuesday.',
    flag: '47',
    expected: '38'
  },
  {
    ruleId: 'figure-consistency',
    text: 'Omar Haddad turned 70 on Friday. The 64-year-old Omar Haddad thanked his staff.',
    flag: '64',
    expected: '70'
  }
]

/** Classes the rules still miss, kept visible. */
const gaps: Case[] = [
  // An edition restated with the full name and another number, with no word placing either
  // mention now: told apart from a story about two editions only by evidence the rule does
  // not read yet (a place or a year beside the other edition).
  {
    ruleId: 'figure-consistency',
    text: 'The 9th Delta Trade Fair opened in Can Tho on Monday. Over 900 firms joined the 10th Delta Trade Fair.',
    flag: '10th'
  },
  // A whole in one clause and its parts after a semicolon.
  {
    ruleId: 'figure-arithmetic',
    text: 'The fair drew 700 buyers; 500 came from Vietnam and 300 came from Laos.',
    flag: '500 came from Vietnam and 300'
  }
]

const clean: string[] = [
  // Counts of people who are part of a population.
  'Spain had 2.9 million people out of work in March.',
  'France has 4 million people living below the poverty line.',
  'Italy has 12 million people aged over 65.',
  '"Nobody can plan for when you have 11 billion people to feed," she said.',
  '"If we had 9 billion people, the farms would fail," he said.',
  // Shares that are ratios, not parts.
  'Debt stood at 140% of pre-crisis output levels.',
  'Turnout was 110 percent of last year’s voters.',
  'Sales reached 130% of the annual target.',
  // Figures that are not parts of a whole.
  'The final will be watched by 2,000 fans, including many children, and broadcasters expect two billion viewers worldwide.',
  'He told Channel Four News: "We need 20 more nurses and 15 more doctors."',
  'The club signed Formula One driver Ana Ruiz; she said 30 teams had called.',
  'The region faced three disasters: a storm that killed 40,000 people and a drought with 90,000 deaths.',
  // Sports scores in sets.
  'She beat the champion 6-3,6-4 in the final.',
  'He lost 2-6,6-7,4-6 to the top seed.',
  // Grouping and brackets that are right.
  'Over 1,234,567 people voted; see note [1] and the [AP] report, the [sic] quote.',
  '中国有３，５００家企业参加。',
  'Exports rose 12% and imports 8%, a 4% gap.',
  // Multiples and changes that agree.
  'Sales tripled from 300 cars to 910 cars.',
  'Costs halved from 90 dollars to 46 dollars.',
  'Profit rose fivefold to 30 million dollars from 6 million dollars.',
  'The team trains 3 times a week, from May to July.',
  'Deliveries climbed from 2.5 million units in 2022 to 3.0 million in 2024, an increase of 20 percent.',
  // Parts that fit their whole.
  'The summit drew 600 delegates. Of them, 350 came from China and 250 were from Japan.',
  'Of the 90 players, 40 were from clubs while 45 came from schools.',
  // Ordinals that are right, and counts.
  'Deputies met for the 13th National People’s Congress.',
  // Decades in words that are not in Chinese order.
  'It was a hit of the Roaring Twenties of the jazz age.',
  'In the twenties of the century, cities grew.',
  // Ages that a birthday explains, and birthdays of things.
  'Marta Silva, 46, chairs the board. Marta Silva turned 47 on Tuesday.',
  'Marta Silva, 46, chairs the board. Marta Silva turns 47 on Friday.',
  'The bank turned 150 this spring.',
  // Two editions named without a word placing either now.
  'She won at the 18th Asian Games in Jakarta. At the 19th Asian Games she won silver.',
  'The 10 ASEAN members’ leaders met in Laos.'
]

function rangeOf(message: {place?: unknown}): {start: number; end: number} {
  const place = message.place as {start: {offset: number}; end: {offset: number}}
  return {start: place.start.offset, end: place.end.offset}
}

describe('figure rules: classes of issue 14', () => {
  for (const c of invalid) {
    it(`${c.ruleId}: ${c.text}`, async () => {
      const file = await lintText(c.text)
      const start = c.text.indexOf(c.flag)
      expect(start).toBeGreaterThanOrEqual(0)
      const hits = file.messages.filter((m) => m.ruleId === c.ruleId)
      const exact = hits.filter((m) => {
        const range = rangeOf(m)
        return range.start === start && range.end === start + c.flag.length
      })
      expect(exact.map((m) => m.reason)).toHaveLength(1)
      if (c.expected) expect(exact[0].expected).toContain(c.expected)
    })
  }

  for (const c of gaps) {
    it.fails(`gap, ${c.ruleId}: ${c.text}`, async () => {
      const file = await lintText(c.text)
      const start = c.text.indexOf(c.flag)
      const exact = file.messages.filter((m) => {
        const range = rangeOf(m)
        return m.ruleId === c.ruleId && range.start === start && range.end === start + c.flag.length
      })
      expect(exact).toHaveLength(1)
    })
  }

  for (const text of clean) {
    it(`clean: ${text}`, async () => {
      const file = await lintText(text)
      expect(file.messages.filter((m) => FIGURE_RULES.has(m.ruleId ?? '')).map((m) => m.reason)).toEqual([])
    })
  }
})
