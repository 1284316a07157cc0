/**
 * Traps: professionally edited news sentences, written in the style of wire copy
 * (Reuters, AP, Xinhua English, The Straits Times, Nikkei Asia), that look like
 * the errors the four rules catch but are correct. Each must lint with no warning.
 *
 * Cases the linter currently gets wrong are kept, as a newsroom expects them, in
 * `gaps` below with `it.fails` and a `// GAP:` comment: they document rule defects.
 */
import {describe, expect, it} from 'vitest'
import {lintText, outputLines} from './helpers.js'

interface Trap {
  /** What the sentence tests. */
  name: string
  text: string
  /** Story date (YYYY-MM-DD), when a name or title depends on it. */
  date?: string
}

const garbledNumeral: Trap[] = [
  {
    name: 'Western grouping, seven digits',
    text: 'The census counted 1,234,567 households in the capital region, up from 1,198,402 a decade earlier.'
  },
  {
    name: 'Indian grouping, lakh',
    text: 'The state government said 12,34,567 farmers had received the first instalment of the subsidy by Friday.'
  },
  {
    name: 'Indian grouping, crore with Rs',
    text: 'The scheme will cost Rs 1,25,000 crore over five years, Finance Minister Nirmala Sitharaman told parliament.'
  },
  {
    name: 'Indian grouping, one lakh rupees',
    text: 'Each family of the victims will receive compensation of Rs 1,00,000, the district magistrate said.'
  },
  {
    name: 'currency with bn abbreviation',
    text: 'The company posted a net profit of $1.2bn for the quarter, beating analysts\u2019 forecasts.'
  },
  {
    name: 'percent with decimals',
    text: 'Inflation eased to 3.5% in October from 3.8% in September, the statistics bureau said on Monday.'
  },
  {
    name: 'percentage points',
    text: 'The central bank cut its benchmark rate by 0.5 percentage points to 4.25 percent, its first cut since 2020.'
  },
  {
    name: 'year range with hyphen',
    text: 'Output fell sharply in the 2019-2020 fiscal year as the pandemic shut factories across the region.'
  },
  {
    name: 'fiscal year with slash and short range',
    text: 'Revenue for fiscal 2023/24 rose 8%, while the forecast for 2024-25 was kept unchanged.'
  },
  {
    name: 'football score',
    text: 'Arsenal won 3-1 at the Emirates Stadium on Saturday, with Bukayo Saka scoring twice.'
  },
  {
    name: 'volleyball set scores',
    text: 'Thailand won the deciding set 25-23 after dropping the fourth 23-25 to reach the final in Manila.'
  },
  {
    name: 'tennis score with tiebreak',
    text: 'Sinner beat Medvedev 3-6, 3-6, 6-4, 6-4, 6-3 to win his first Grand Slam title in Melbourne.'
  },
  {name: 'cricket score with slash', text: 'India posted 287/6 in their 50 overs, with Virat Kohli unbeaten on 103.'},
  {
    name: 'clock time a.m. local time',
    text: 'The meeting is scheduled to begin at 10:30 a.m. local time on Tuesday, a spokesperson said.'
  },
  {name: 'military time GMT', text: 'Brent crude futures rose 85 cents, or 1.1%, to $78.32 a barrel by 0345 GMT.'},
  {
    name: '24-hour curfew times',
    text: 'The curfew runs from 22:00 to 05:00 local time until further notice, police said.'
  },
  {
    name: 'marathon race time h:mm:ss',
    text: 'Ethiopia\u2019s Tigst Assefa won the Berlin Marathon in 2:11:53, smashing the women\u2019s world record.'
  },
  {
    name: 'half-marathon race time',
    text: 'The winner crossed the line in 1:25:40, nearly two minutes clear of the field.'
  },
  {name: 'map scale ratio', text: 'The survey maps, drawn at a scale of 1:50,000, show the new border posts.'},
  {name: 'aspect ratio', text: 'The broadcaster will switch all its channels to the 16:9 widescreen format next year.'},
  {name: 'Bible verse', text: 'Fans behind the goal held up a banner reading John 3:16 as the players walked out.'},
  {
    name: 'software version three parts',
    text: 'The update to version 1.2.3 fixes a flaw that let attackers bypass the login screen.'
  },
  {name: 'phone OS point release', text: 'Apple urged users to install iOS 17.4.1 after researchers found the bug.'},
  {
    name: 'IP address',
    text: 'Investigators traced the attack to a server at 203.0.113.45, the cybersecurity agency said.'
  },
  {
    name: 'phone number Singapore',
    text: 'Members of the public with information can call the police hotline on +65 6123 4567.'
  },
  {
    name: 'phone number US toll-free',
    text: 'People in distress can call the hotline at 1-800-273-8255, the agency said.'
  },
  {name: 'ISBN-13', text: 'The memoir (ISBN 978-0-14-312779-6) goes on sale in bookshops next month.'},
  {name: 'ISBN-10', text: 'The first edition, ISBN 0-306-40615-2, sold out within a week.'},
  {
    name: 'stock index with decimals',
    text: 'The Straits Times Index closed 0.4% higher at 3,212.45 points, while the Nikkei 225 fell 1.2% to 38,500.15.'
  },
  {
    name: 'exchange rate to four decimals',
    text: 'The yuan was quoted at 7.2345 per dollar at midday, its weakest level in a month.'
  },
  {
    name: 'aircraft model numbers',
    text: 'The Boeing 737-800 and an Airbus A320neo were grounded at Changi Airport after the storm.'
  },
  {
    name: 'Roman numeral event',
    text: 'Tickets for Super Bowl LVIII in Las Vegas sold for more than $9,000 on resale sites.'
  },
  {name: 'hashtag with digits', text: 'The hashtag #GE2025 trended on X for most of polling day.'},
  {
    name: 'numeric range with commas',
    text: 'Organisers expect 12,000-15,000 runners to take part in Sunday\u2019s race.'
  },
  {name: 'euro amount with cents', text: 'The fine of \u20ac1,234,567.89 is the largest the regulator has imposed.'},
  {
    name: 'British-style time with a point',
    text: 'Polls open at 7.30am and close at 10pm, the Electoral Commission said.'
  },
  {name: 'ISO date', text: 'The filing, dated 2023-09-09, was made public on Friday.'},
  {
    name: 'section number',
    text: 'Under Section 3.2.1 of the agreement, either side may withdraw with six months\u2019 notice.'
  },
  {
    name: 'lakh crore',
    text: 'The government plans to spend Rs 11.1 lakh crore on infrastructure in the coming fiscal year.'
  },
  {name: 'rupiah trillion', text: 'The central bank bought Rp 1.5 trillion of government bonds on Tuesday.'},
  {name: 'sprint time', text: 'Usain Bolt\u2019s world record of 9.58 seconds has stood since 2009.'},
  {name: 'football formation', text: 'The coach switched to a 4-3-3 formation at half-time.'},
  {name: 'penalty shootout score', text: 'The match ended 2-2 and Japan won 4-2 on penalties.'},
  {name: 'midnight with GMT in brackets', text: 'The ceasefire took effect at midnight (1600 GMT) on Sunday.'}
]

const impossibleFigure: Trap[] = [
  {
    name: 'date with abbreviated month',
    text: 'The attack took place on Sept. 9, 2023, shortly after midnight, police said.'
  },
  {name: 'date day-month', text: 'The vote has been set for 9 September, the electoral commission said.'},
  {
    name: 'leap day in a leap year',
    text: 'The baby, born on February 29, 2024, will celebrate her first true birthday in 2028.'
  },
  {name: 'leap day day-first', text: 'The law came into force on 29 February 2024 after months of debate.'},
  {name: 'last day of April', text: 'The deadline for submissions is April 30, a day before the May 1 holiday.'},
  {
    name: 'China population',
    text: 'China, home to 1.4 billion people, ceded its status as the world\u2019s most populous country to India in 2023.'
  },
  {
    name: 'India population',
    text: 'India, with a population of more than 1.42 billion, overtook China last year, UN data show.'
  },
  {
    name: 'Vietnam population',
    text: 'Vietnam, a country of about 100 million people, aims to become a high-income economy by 2045.'
  },
  {
    name: 'Indonesia population',
    text: 'Indonesia, the world\u2019s fourth most populous nation with 280 million people, goes to the polls on Wednesday.'
  },
  {
    name: 'Singapore population',
    text: 'Singapore\u2019s population of 5.9 million rose 5% last year as foreign workers returned, official data showed.'
  },
  {
    name: 'ASEAN bloc population',
    text: 'ASEAN, a bloc of some 680 million people, is China\u2019s largest trading partner.'
  },
  {
    name: 'world projection by 2050',
    text: 'The world population is projected to reach 9.7 billion by 2050, according to the United Nations.'
  },
  {
    name: 'country projection by 2050',
    text: 'Nigeria\u2019s population is forecast to reach 377 million by 2050, making it the third largest in the world.'
  },
  {
    name: 'historical population',
    text: 'In 1950, China had 550 million people, most of them living in the countryside.'
  },
  {
    name: 'province of a named country',
    text: 'Guangdong province, home to 127 million residents, is China\u2019s most populous province and its largest provincial economy.'
  },
  {
    name: 'province with population of',
    text: 'Guangdong province has a population of 127 million, more than any other Chinese province.'
  },
  {
    name: 'capital city of a named country',
    text: 'Indonesia\u2019s capital Jakarta, a city of 11 million people, is sinking by as much as 25 cm a year in places.'
  },
  {
    name: 'Indian state',
    text: 'Uttar Pradesh, India\u2019s most populous state with more than 240 million people, votes in seven phases.'
  },
  {
    name: 'Thai capital',
    text: 'Thailand\u2019s capital Bangkok, home to about 11 million people, was placed under a flood alert.'
  },
  {
    name: 'diaspora, not the population',
    text: 'Some 10 million Filipinos live or work abroad, and their remittances prop up the Philippine economy.'
  },
  {
    name: 'internet users, not the population',
    text: 'Vietnam has more than 70 million internet users, most of them on mobile phones.'
  },
  {
    name: 'cumulative passenger trips',
    text: 'China\u2019s railways handled 1.8 billion passenger trips in the first half of the year, the operator said.'
  },
  {
    name: 'travel rush trips above world population',
    text: 'The 40-day Spring Festival travel rush is expected to see a record 9 billion trips across China.'
  },
  {
    name: 'debt as a share of GDP',
    text: 'Japan\u2019s public debt has reached 250% of GDP, the highest among major economies.'
  },
  {
    name: 'growth over 100 percent',
    text: 'Exports of electric vehicles rose 130 percent in the first quarter from a year earlier.'
  },
  {name: 'share price rise', text: 'The stock has risen 400% this year on the back of demand for AI chips.'},
  {
    name: 'turnout relative to a previous figure',
    text: 'Early turnout was 105% of the 2019 figure, election officials said.'
  },
  {name: 'target exceeded', text: 'Vaccinations reached 150% of the government\u2019s target for the month.'},
  {
    name: 'hospital occupancy over capacity',
    text: 'Bed occupancy at the main public hospital reached 120 percent of capacity during the dengue outbreak.'
  },
  {name: 'record age, not a person', text: 'Her time broke a 122-year-old record set at the 1900 Paris Games.'},
  {name: 'company age', text: 'The 150-year-old company said it would cut 2,000 jobs as part of a restructuring.'},
  {name: 'tree age', text: 'Residents protested against plans to fell a 300-year-old tree to widen the road.'},
  {name: 'mummy age', text: 'Scientists say the 5,300-year-old iceman found in the Alps was lactose intolerant.'},
  {
    name: 'archaeological remains of a man',
    text: 'Archaeologists said the 3,000-year-old man buried at the site was probably a priest.'
  },
  {name: 'man-made, not a man', text: 'Engineers drained the 200-year-old man-made lake to repair its dam.'},
  {
    name: 'oldest person at a real age',
    text: 'Maria Branyas, a 117-year-old woman from Spain, was the world\u2019s oldest living person until her death.'
  },
  {name: 'centenarian', text: 'A 101-year-old veteran laid a wreath at the cenotaph on Sunday.'},
  {
    name: 'race time that looks like a clock time',
    text: 'The Kenyan won the 8-km cross-country race in 25:40, a course record.'
  },
  {name: 'kick-off at 24-hour time', text: 'The final kicks off at 20:45 local time (1845 GMT) on Sunday.'},
  {
    name: 'shares of a whole within 100',
    text: 'Women accounted for 52 percent of voters, and 98% of ballots were counted by midnight.'
  },
  {
    name: 'Fahrenheit temperatures in the 90s',
    text: 'Temperatures climbed into the 90s across Texas, forecasters said.'
  },
  {
    name: 'world population today',
    text: 'The world\u2019s 8 billion people consumed a record amount of coal last year.'
  },
  {
    name: 'people lifted out of poverty',
    text: 'China says it has lifted 800 million people out of poverty since 1978.'
  },
  {
    name: 'region of a named country',
    text: 'China\u2019s Greater Bay Area, with a population of 86 million, aims to rival Tokyo.'
  },
  {
    name: 'island of a named country',
    text: 'Java, home to more than 150 million people, is Indonesia\u2019s most populous island.'
  },
  {name: 'city of a named country', text: 'Mumbai, a city of 20 million people, is India\u2019s financial capital.'},
  {
    name: 'Malaysia population',
    text: 'Malaysia\u2019s population of 34 million is ageing, the statistics department said.'
  },
  {
    name: 'continent region',
    text: 'Sub-Saharan Africa\u2019s 1.2 billion people will double by 2050, the report said.'
  },
  {
    name: 'tortoise age',
    text: 'Jonathan, a 192-year-old Seychelles giant tortoise, is the oldest known living land animal.'
  },
  {name: 'building age', text: 'The 130-year-old building was gutted by fire on Saturday.'},
  {name: 'temple age', text: 'The 1,200-year-old temple drew more than 2 million visitors last year.'},
  {name: 'arrested man with normal age', text: 'A 45-year-old man was arrested at the scene, police said.'},
  {name: 'tariff above 100 percent', text: 'Washington raised tariffs on Chinese goods to as much as 245 percent.'},
  {
    name: 'visitors relative to pre-pandemic levels',
    text: 'Foreign arrivals in Japan reached 110% of pre-pandemic levels in October.'
  },
  {name: 'full stake', text: 'The carmaker raised its stake in the joint venture to 100 percent.'},
  {name: 'US date with weekday', text: 'The talks resume on Monday, Dec. 31, and end on Jan. 2.'},
  {name: 'late-night time before New Year', text: 'Fireworks were set off at 11:59 p.m. on Dec. 31 across the city.'}
]

const malformedOrdinal: Trap[] = [
  {name: 'decade', text: 'The island has not seen tourist numbers like these since the 1980s.'},
  {name: 'apostrophe decade', text: 'The band, hugely popular in the \u201990s, is reuniting for a world tour.'},
  {name: 'early 2000s', text: 'The early 2000s saw a boom in low-cost airlines across Southeast Asia.'},
  {name: 'century', text: 'The church, which dates back to the 19th century, was badly damaged in the earthquake.'},
  {name: 'decade pair with elision', text: 'Growth averaged nearly 10% a year through the 1950s and \u201960s.'},
  {
    name: 'count before ASEAN member states',
    text: 'Foreign ministers from the 10 ASEAN member states met in Vientiane on Thursday.'
  },
  {
    name: 'count of member economies',
    text: 'Leaders of the 21 member economies of the Asia-Pacific Economic Cooperation forum met in Lima.'
  },
  {name: 'count of G20 economies', text: 'The 20 member economies account for about 85% of global GDP.'},
  {name: 'year before Summit', text: 'The 2023 Summit in New Delhi ended with a joint declaration on Ukraine.'},
  {name: 'G20 Summit', text: 'The G20 Summit in Rio de Janeiro opened on Monday amid tight security.'},
  {
    name: 'count of EU member states',
    text: 'Ministers from the 27 EU member states failed to agree on the new sanctions package.'
  },
  {
    name: 'count before Sustainable Development Goals',
    text: 'The report found the world is on track to meet only 17% of the targets under the 17 Sustainable Development Goals.'
  },
  {
    name: 'count before Olympic medal events',
    text: 'The 329 Olympic medal events in Paris were spread across 35 venues.'
  },
  {
    name: 'party name with a digit',
    text: 'Italy\u2019s anti-establishment 5-Star Movement said it would vote against the budget.'
  },
  {
    name: 'landmark with a digit',
    text: 'Rockfalls have closed the viewing platform at the 12 Apostles on Victoria\u2019s coast.'
  },
  {name: 'brand with a digit', text: 'The 3 Musketeers chocolate bar will be made in a new plant in Tennessee.'},
  {name: 'store brand with a digit', text: 'Police said the suspect robbed the 7-Eleven store at about 2 a.m.'},
  {name: 'race name with a count', text: 'Toyota won the 24 Hours of Le Mans for a fifth straight year.'},
  {name: 'address', text: 'Protesters gathered outside 10 Downing Street on Saturday afternoon.'},
  {name: 'mission name with a number', text: 'The Apollo 11 mission landed the first humans on the Moon in July 1969.'},
  {
    name: 'ordinals 1st 2nd 3rd 4th',
    text: 'The 1st and 2nd battalions were joined by the 3rd Infantry Brigade and the 4th Armoured Division.'
  },
  {
    name: 'ordinals 11th 12th 13th',
    text: 'Fire broke out on the 11th floor and spread to the 12th and 13th floors within minutes.'
  },
  {name: 'ordinals 21st 22nd 23rd', text: 'It was the 21st, 22nd and 23rd goals of the season for the striker.'},
  {
    name: 'ordinals 101st 111th 112th',
    text: 'Paratroopers from the 101st Airborne Division marked the 111th anniversary, a year before the 112th.'
  },
  {name: 'ordinal before an event name', text: 'The 33rd Southeast Asian Games will be held in Thailand in December.'},
  {
    name: 'ordinal before Party Congress',
    text: 'Xi was given a third term as general secretary at the 20th Party Congress in October 2022.'
  },
  {name: 'parallel', text: 'The two Koreas have been divided along the 38th parallel since the end of World War Two.'},
  {name: 'hyphenated member count', text: 'The 193-member U.N. General Assembly adopted the resolution on Friday.'},
  {name: 'medals count before Games', text: 'The swimmer has won 11 Asian Games gold medals over three editions.'},
  {name: 'age decade', text: 'The man, in his 90s, was rescued from the rubble after 40 hours.'},
  {name: 'century adjective', text: 'The 7th-century temple was restored with help from UNESCO.'},
  {name: 'street name ordinal', text: 'Police closed East 42nd Street after the gas leak.'},
  {
    name: 'ninth anniversary and 100th',
    text: 'The university marked its 100th anniversary and the museum its 9th on the same day.'
  },
  {name: 'Fourth of July', text: 'Fireworks lit up the sky on the 4th of July despite the rain.'}
]

const nameMismatch: Trap[] = [
  {
    name: 'full name then surname (Malay name)',
    date: '2023-06-01',
    text: 'Prime Minister Anwar Ibrahim unveiled the budget on Friday. Anwar said subsidies would be targeted at the poor.'
  },
  {
    name: 'Chinese premier in 2024',
    date: '2024-05-01',
    text: 'Chinese Premier Li Qiang said the economy was on track to meet its growth target of around 5%.'
  },
  {
    name: 'former premier named as such',
    date: '2024-05-01',
    text: 'Chinese Premier Li Qiang met business leaders, a year after former Premier Li Keqiang left office.'
  },
  {
    name: 'father and son sharing a surname (Korean)',
    text: 'North Korean leader Kim Jong Un visited the mausoleum of his father, Kim Jong Il, on the anniversary of his death.'
  },
  {
    name: 'father and son sharing a surname (Singapore)',
    text: 'Lee Hsien Loong is the eldest son of Lee Kuan Yew, Singapore\u2019s founding prime minister.'
  },
  {
    name: 'Indonesian president in 2022',
    date: '2022-11-15',
    text: 'Indonesian President Joko Widodo opened the G20 summit in Bali. Widodo called for an end to the war in Ukraine.'
  },
  {
    name: 'nickname Jokowi',
    date: '2022-11-15',
    text: 'President Joko Widodo, widely known as Jokowi, said the summit had to succeed. Jokowi spoke in Bahasa Indonesia.'
  },
  {
    name: 'Indonesian president in 2025',
    date: '2025-01-15',
    text: 'Indonesian President Prabowo Subianto launched a free meals programme. Prabowo said it would reach 82.9 million people.'
  },
  {
    name: 'Vietnamese prime minister in 2023',
    date: '2023-09-09',
    text: 'Vietnamese Prime Minister Pham Minh Chinh met U.S. President Joe Biden in Hanoi. Chinh said the two countries had upgraded ties.'
  },
  {
    name: 'Singapore prime minister in 2025',
    date: '2025-02-01',
    text: 'Singapore Prime Minister Lawrence Wong will present the budget on Feb. 18, his office said.'
  },
  {
    name: 'former Singapore prime minister in 2025',
    date: '2025-02-01',
    text: 'Senior Minister Lee Hsien Loong, who stepped down as prime minister last May, will lead the delegation.'
  },
  {
    name: 'father and son presidents (Philippines)',
    date: '2024-06-01',
    text: 'Philippine President Ferdinand Marcos Jr., the son and namesake of the late dictator Ferdinand Marcos, said the South China Sea row would not be settled by force.'
  },
  {
    name: 'daughter of former president',
    date: '2024-06-01',
    text: 'Vice President Sara Duterte, the daughter of former President Rodrigo Duterte, resigned from the cabinet.'
  },
  {
    name: 'Thai prime minister and her father',
    date: '2024-10-01',
    text: 'Thai Prime Minister Paetongtarn Shinawatra said her father, former Prime Minister Thaksin Shinawatra, was not running the government.'
  },
  {
    name: 'Cambodian prime minister and his father',
    date: '2024-02-10',
    text: 'Cambodian Prime Minister Hun Manet succeeded his father, Hun Sen, who ruled for nearly four decades.'
  },
  {
    name: 'Japanese prime minister in 2023',
    date: '2023-05-20',
    text: 'Japanese Prime Minister Fumio Kishida welcomed G7 leaders to Hiroshima. Kishida said nuclear weapons must never be used again.'
  },
  {
    name: 'Chinese president, surname later',
    text: 'Chinese President Xi Jinping met Brazilian President Luiz Inacio Lula da Silva in Beijing. Xi said the two sides should deepen cooperation.'
  },
  {
    name: 'two ministers sharing a surname',
    text: 'Foreign Minister Wang Yi and Commerce Minister Wang Wentao will attend the talks, the foreign ministry said.'
  },
  {
    name: 'Myanmar (Burma)',
    text: 'Thousands of refugees have fled fighting in Myanmar (Burma) into neighbouring Thailand since the coup.'
  },
  {
    name: "Cote d'Ivoire gloss",
    text: 'Cocoa prices rose after heavy rain in C\u00f4te d\u2019Ivoire (Ivory Coast), the top producer.'
  },
  {name: 'Turkiye gloss', text: 'Earthquake survivors in T\u00fcrkiye (Turkey) were still living in tents a year on.'},
  {
    name: 'ASEAN acronym',
    text: 'The Association of Southeast Asian Nations (ASEAN) will hold its summit in Kuala Lumpur in October.'
  },
  {
    name: 'NDRC acronym',
    text: 'The National Development and Reform Commission (NDRC), China\u2019s state planner, approved 12 new projects.'
  },
  {
    name: 'non-English acronym MSF',
    text: 'Doctors Without Borders (MSF) said two of its staff were killed in the air strike.'
  },
  {
    name: 'hereinafter WHO',
    text: 'The World Health Organization (hereinafter WHO) declared the outbreak a public health emergency of international concern.'
  },
  {
    name: 'PBOC acronym',
    text: 'The People\u2019s Bank of China (PBOC) kept its one-year loan prime rate unchanged on Monday.'
  },
  {
    name: 'Indonesian-language acronym',
    text: 'Indonesia\u2019s Corruption Eradication Commission (KPK) named the minister a suspect on Tuesday.'
  },
  {
    name: 'Malay coalition acronym',
    text: 'The ruling Pakatan Harapan (PH) coalition won 82 seats in the 222-member parliament.'
  },
  {
    name: 'RCEP acronym',
    text: 'The Regional Comprehensive Economic Partnership (RCEP) covers about 30% of the world\u2019s GDP.'
  },
  {
    name: 'Modi surname later',
    date: '2024-06-09',
    text: 'Indian Prime Minister Narendra Modi was sworn in for a third term on Sunday. Modi thanked voters.'
  },
  {
    name: 'Singapore president, surname later',
    date: '2024-06-01',
    text: 'Singapore President Tharman Shanmugaratnam opened the conference. Tharman said the region must prepare for slower growth.'
  },
  {
    name: 'Australian prime minister',
    date: '2024-06-01',
    text: 'Australian Prime Minister Anthony Albanese arrived in Jakarta on Wednesday. Albanese said trade would top the agenda.'
  },
  {
    name: 'Lula surname later',
    date: '2024-06-01',
    text: 'Brazilian President Luiz Inacio Lula da Silva said the G20 would tackle hunger. Lula spoke in Rio de Janeiro.'
  },
  {
    name: 'sister of the leader',
    text: 'Kim Yo Jong, the powerful sister of North Korean leader Kim Jong Un, issued a statement on Tuesday.'
  },
  {name: 'Timor-Leste gloss', text: 'Timor-Leste (East Timor) is set to become ASEAN\u2019s 11th member.'},
  {
    name: 'OECD acronym',
    text: 'The Organisation for Economic Co-operation and Development (OECD) raised its global growth forecast.'
  },
  {
    name: 'AIIB acronym',
    text: 'The Asian Infrastructure Investment Bank (AIIB) approved a $500 million loan to Bangladesh.'
  },
  {
    name: 'CPTPP acronym',
    text: 'The Comprehensive and Progressive Agreement for Trans-Pacific Partnership (CPTPP) admitted Britain as its 12th member.'
  },
  {
    name: 'PDI-P acronym',
    text: 'The Indonesian Democratic Party of Struggle (PDI-P) won the most seats in the legislative election.'
  },
  {name: 'Fed short name', text: 'The Federal Reserve (the Fed) held rates steady for a sixth straight meeting.'},
  {
    name: 'legal short name hereinafter',
    text: 'The Comprehensive Economic Partnership Agreement (hereinafter "the Agreement") enters into force on Jan. 1.'
  },
  {
    name: 'Kim Il Sung grandfather',
    text: 'Kim Jong Un paid tribute to his grandfather, state founder Kim Il Sung, at the Kumsusan Palace.'
  }
]

/**
 * Correct copy that an earlier version of copydesk reported (found by this suite,
 * then fixed in the rules): kept as regressions.
 */
const regressions: (Trap & {rule: string})[] = [
  {
    name: 'herbicide 2,4-D',
    rule: 'garbled-numeral',
    text: 'Farmers in the province were told to stop spraying the herbicide 2,4-D near rice paddies.'
  },
  {
    name: 'count before Commonwealth Games nations',
    rule: 'malformed-ordinal',
    text: 'Athletes from the 72 Commonwealth Games nations and territories paraded through Birmingham.'
  },
  {
    name: 'Pacific Islands Forum members count',
    rule: 'malformed-ordinal',
    text: 'Leaders of the 18 Pacific Islands Forum members met in Tonga on Monday.'
  },
  {
    name: 'General Assembly members count',
    rule: 'malformed-ordinal',
    text: 'Of the 193 General Assembly members, 143 voted in favour of the resolution.'
  },
  {
    name: 'Eswatini formerly Swaziland',
    rule: 'name-mismatch',
    date: '2024-03-01',
    text: 'Eswatini, formerly known as Swaziland, is Africa\u2019s last absolute monarchy.'
  }
]

describe('traps: correct wire copy lints clean', () => {
  it('has at least 80 cases', () => {
    expect(
      garbledNumeral.length +
        impossibleFigure.length +
        malformedOrdinal.length +
        nameMismatch.length +
        regressions.length
    ).toBeGreaterThanOrEqual(80)
  })

  describe('garbled-numeral traps', () => {
    it.each(garbledNumeral)('$name', async ({text, date}) => {
      const file = await lintText(text, date ? {date} : {})
      expect(outputLines(file)).toEqual([])
    })
  })

  describe('impossible-figure traps', () => {
    it.each(impossibleFigure)('$name', async ({text, date}) => {
      const file = await lintText(text, date ? {date} : {})
      expect(outputLines(file)).toEqual([])
    })
  })

  describe('malformed-ordinal traps', () => {
    it.each(malformedOrdinal)('$name', async ({text, date}) => {
      const file = await lintText(text, date ? {date} : {})
      expect(outputLines(file)).toEqual([])
    })
  })

  describe('name-mismatch traps', () => {
    it.each(nameMismatch)('$name', async ({text, date}) => {
      const file = await lintText(text, date ? {date} : {})
      expect(outputLines(file)).toEqual([])
    })
  })

  describe('regressions: correct copy once reported', () => {
    it.each(regressions)('$rule: $name', async ({text, date}) => {
      const file = await lintText(text, date ? {date} : {})
      expect(outputLines(file)).toEqual([])
    })
  })
})
