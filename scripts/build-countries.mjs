#!/usr/bin/env node
// Builds data/countries.yaml from the World Bank population extract
// (indicator SP.POP.TOTL, via the GitHub repository datasets/population,
// data/population.csv at commit 425fc447; licence CC BY 4.0, credit
// "World Bank, SP.POP.TOTL") plus the hand-written name mapping below.
//
// Usage:
//   node scripts/build-countries.mjs [path/to/wb-population-2023-2024.csv] [out.yaml]
// Defaults: ../shared/data/wb-population-2023-2024.csv (relative to the repo
// root, i.e. /work/shared/data/...) and data/countries.yaml.
//
// The script is deterministic: same CSV in, same YAML out. It fails loudly if
// a World Bank code is neither mapped nor listed as an aggregate, so a newer
// CSV cannot silently drop or mislabel an entity.

import {readFileSync, writeFileSync, existsSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import YAML from 'yaml'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '..')
const defaultCsv = [
  resolve(repo, '../shared/data/wb-population-2023-2024.csv'),
  '/work/shared/data/wb-population-2023-2024.csv'
].find((p) => existsSync(p))
const csvPath = process.argv[2] ?? defaultCsv
const outPath = process.argv[3] ?? resolve(repo, 'data/countries.yaml')
if (!csvPath || !existsSync(csvPath)) {
  console.error('build-countries: CSV not found; pass its path as the first argument')
  process.exit(1)
}

const SOURCE = 'World Bank, SP.POP.TOTL, via datasets/population (commit 425fc447); CC BY 4.0'
const SRC_SHORT = 'World Bank SP.POP.TOTL'

// ---------------------------------------------------------------------------
// World Bank aggregates (regions, income groups, lending groups, ...). Not
// countries; skipped except WLD, which becomes `world`, and EUU, which is used
// to cross-check the EU member sum.
const AGGREGATES = new Set([
  'AFE',
  'AFW',
  'ARB',
  'CEB',
  'CSS',
  'EAP',
  'EAR',
  'EAS',
  'ECA',
  'ECS',
  'EMU',
  'EUU',
  'FCS',
  'HIC',
  'HPC',
  'IBD',
  'IBT',
  'IDA',
  'IDB',
  'IDX',
  'INX',
  'LAC',
  'LCN',
  'LDC',
  'LIC',
  'LMC',
  'LMY',
  'LTE',
  'MEA',
  'MIC',
  'MNA',
  'NAC',
  'OED',
  'OSS',
  'PRE',
  'PSS',
  'PST',
  'SAS',
  'SSA',
  'SSF',
  'SST',
  'TEA',
  'TEC',
  'TLA',
  'TMN',
  'TSA',
  'TSS',
  'UMC',
  'WLD'
])

// ---------------------------------------------------------------------------
// Hand-written mapping: the name news copy uses, other names that
// unambiguously mean the same country, and demonym adjectives used before
// titles ("Vietnamese Prime Minister"). Rules followed:
//  * an alias/adjective is listed only if it names this entity and no other
//    (so no "Congo"/"Congolese", "Guinea"/"Guinean", "Korea"/"Korean",
//    "Dominican", "Samoan", "Micronesian", "Macedonian");
//  * outdated official names go to `former_names` (see data/names.yaml),
//    never to `aliases`;
//  * `ambiguous_name: true` marks a name that often means something else in
//    English copy (Georgia the US state, Jordan/Chad as given names, ...):
//    match it only with country context;
//  * matchers must prefer the longest match ("South Sudanese" before
//    "Sudanese", "Equatorial Guinean", "Papua New Guinean", "American Samoa"
//    before "American"/"Samoa").
// Fields: n = name, a = aliases, j = adjectives, f = former names,
// s = status (default 'sovereign'), amb = ambiguous_name, wb = WB-only code.
const M = {
  ABW: {n: 'Aruba', j: ['Aruban'], s: 'territory'},
  AFG: {n: 'Afghanistan', j: ['Afghan']},
  AGO: {n: 'Angola', j: ['Angolan']},
  ALB: {n: 'Albania', j: ['Albanian']},
  AND: {n: 'Andorra', j: ['Andorran']},
  ARE: {n: 'United Arab Emirates', a: ['UAE', 'U.A.E.'], j: ['Emirati']},
  ARG: {n: 'Argentina', j: ['Argentine', 'Argentinian']},
  ARM: {n: 'Armenia', j: ['Armenian']},
  ASM: {n: 'American Samoa', j: [], s: 'territory'},
  ATG: {n: 'Antigua and Barbuda', j: ['Antiguan']},
  AUS: {n: 'Australia', j: ['Australian']},
  AUT: {n: 'Austria', j: ['Austrian']},
  AZE: {n: 'Azerbaijan', j: ['Azerbaijani']},
  BDI: {n: 'Burundi', j: ['Burundian']},
  BEL: {n: 'Belgium', j: ['Belgian']},
  BEN: {n: 'Benin', j: ['Beninese']},
  BFA: {n: 'Burkina Faso', j: ['Burkinabe']},
  BGD: {n: 'Bangladesh', j: ['Bangladeshi']},
  BGR: {n: 'Bulgaria', j: ['Bulgarian']},
  BHR: {n: 'Bahrain', j: ['Bahraini']},
  BHS: {n: 'Bahamas', a: ['The Bahamas'], j: ['Bahamian']},
  BIH: {n: 'Bosnia and Herzegovina', a: ['Bosnia-Herzegovina', 'Bosnia'], j: ['Bosnian']},
  BLR: {n: 'Belarus', j: ['Belarusian']},
  BLZ: {n: 'Belize', j: ['Belizean']},
  BMU: {n: 'Bermuda', j: ['Bermudian'], s: 'territory'},
  BOL: {n: 'Bolivia', j: ['Bolivian']},
  BRA: {n: 'Brazil', j: ['Brazilian']},
  BRB: {n: 'Barbados', j: ['Barbadian']},
  BRN: {n: 'Brunei', a: ['Brunei Darussalam'], j: ['Bruneian']},
  BTN: {n: 'Bhutan', j: ['Bhutanese']},
  BWA: {n: 'Botswana', j: []},
  CAF: {n: 'Central African Republic', a: ['CAR'], j: ['Central African']},
  CAN: {n: 'Canada', j: ['Canadian']},
  CHE: {n: 'Switzerland', j: ['Swiss']},
  CHI: {n: 'Channel Islands', j: [], s: 'territory', wb: true},
  CHL: {n: 'Chile', j: ['Chilean']},
  CHN: {n: 'China', a: ["People's Republic of China", 'PRC'], j: ['Chinese']},
  CIV: {n: 'Ivory Coast', a: ["Côte d'Ivoire", "Cote d'Ivoire"], j: ['Ivorian']},
  CMR: {n: 'Cameroon', j: ['Cameroonian']},
  COD: {
    n: 'Democratic Republic of the Congo',
    a: ['DR Congo', 'DRC', 'Democratic Republic of Congo', 'Congo-Kinshasa'],
    j: []
  },
  COG: {n: 'Republic of the Congo', a: ['Congo-Brazzaville', 'Republic of Congo'], j: []},
  COL: {n: 'Colombia', j: ['Colombian']},
  COM: {n: 'Comoros', j: ['Comorian']},
  CPV: {n: 'Cape Verde', a: ['Cabo Verde'], j: ['Cape Verdean']},
  CRI: {n: 'Costa Rica', j: ['Costa Rican']},
  CUB: {n: 'Cuba', j: ['Cuban']},
  CUW: {n: 'Curacao', a: ['Curaçao'], j: [], s: 'territory'},
  CYM: {n: 'Cayman Islands', j: [], s: 'territory'},
  CYP: {n: 'Cyprus', j: ['Cypriot']},
  CZE: {n: 'Czech Republic', a: ['Czechia'], j: ['Czech']},
  DEU: {n: 'Germany', j: ['German']},
  DJI: {n: 'Djibouti', j: ['Djiboutian']},
  DMA: {n: 'Dominica', j: [], amb: true},
  DNK: {n: 'Denmark', j: ['Danish']},
  DOM: {n: 'Dominican Republic', j: []},
  DZA: {n: 'Algeria', j: ['Algerian']},
  ECU: {n: 'Ecuador', j: ['Ecuadorian']},
  EGY: {n: 'Egypt', j: ['Egyptian']},
  ERI: {n: 'Eritrea', j: ['Eritrean']},
  ESP: {n: 'Spain', j: ['Spanish']},
  EST: {n: 'Estonia', j: ['Estonian']},
  ETH: {n: 'Ethiopia', j: ['Ethiopian']},
  FIN: {n: 'Finland', j: ['Finnish']},
  FJI: {n: 'Fiji', j: ['Fijian']},
  FRA: {n: 'France', j: ['French']},
  FRO: {n: 'Faroe Islands', a: ['Faroes'], j: ['Faroese'], s: 'territory'},
  FSM: {n: 'Micronesia', a: ['Federated States of Micronesia'], j: [], amb: true},
  GAB: {n: 'Gabon', j: ['Gabonese']},
  GBR: {n: 'United Kingdom', a: ['UK', 'U.K.', 'Britain', 'Great Britain'], j: ['British', 'UK', 'U.K.']},
  GEO: {n: 'Georgia', j: ['Georgian'], amb: true},
  GHA: {n: 'Ghana', j: ['Ghanaian']},
  GIB: {n: 'Gibraltar', j: [], s: 'territory'},
  GIN: {n: 'Guinea', j: [], amb: true},
  GMB: {n: 'Gambia', a: ['The Gambia'], j: ['Gambian']},
  GNB: {n: 'Guinea-Bissau', j: ['Bissau-Guinean']},
  GNQ: {n: 'Equatorial Guinea', j: ['Equatorial Guinean']},
  GRC: {n: 'Greece', j: ['Greek']},
  GRD: {n: 'Grenada', j: ['Grenadian']},
  GRL: {n: 'Greenland', j: ['Greenlandic'], s: 'territory'},
  GTM: {n: 'Guatemala', j: ['Guatemalan']},
  GUM: {n: 'Guam', j: [], s: 'territory'},
  GUY: {n: 'Guyana', j: ['Guyanese']},
  HKG: {n: 'Hong Kong', a: ['Hong Kong SAR'], j: [], s: 'territory'},
  HND: {n: 'Honduras', j: ['Honduran']},
  HRV: {n: 'Croatia', j: ['Croatian']},
  HTI: {n: 'Haiti', j: ['Haitian']},
  HUN: {n: 'Hungary', j: ['Hungarian']},
  IDN: {n: 'Indonesia', j: ['Indonesian']},
  IMN: {n: 'Isle of Man', j: ['Manx'], s: 'territory'},
  IND: {n: 'India', j: ['Indian']},
  IRL: {n: 'Ireland', a: ['Republic of Ireland'], j: ['Irish']},
  IRN: {n: 'Iran', a: ['Islamic Republic of Iran'], j: ['Iranian']},
  IRQ: {n: 'Iraq', j: ['Iraqi']},
  ISL: {n: 'Iceland', j: ['Icelandic']},
  ISR: {n: 'Israel', j: ['Israeli']},
  ITA: {n: 'Italy', j: ['Italian']},
  JAM: {n: 'Jamaica', j: ['Jamaican']},
  JOR: {n: 'Jordan', j: ['Jordanian'], amb: true},
  JPN: {n: 'Japan', j: ['Japanese']},
  KAZ: {n: 'Kazakhstan', j: ['Kazakh', 'Kazakhstani']},
  KEN: {n: 'Kenya', j: ['Kenyan']},
  KGZ: {n: 'Kyrgyzstan', a: ['Kyrgyz Republic'], j: ['Kyrgyz']},
  KHM: {n: 'Cambodia', j: ['Cambodian']},
  KIR: {n: 'Kiribati', j: []},
  KNA: {n: 'Saint Kitts and Nevis', a: ['St Kitts and Nevis', 'St. Kitts and Nevis'], j: ['Kittitian']},
  KOR: {n: 'South Korea', a: ['Republic of Korea', 'ROK'], j: ['South Korean']},
  KWT: {n: 'Kuwait', j: ['Kuwaiti']},
  LAO: {n: 'Laos', a: ['Lao PDR', "Lao People's Democratic Republic"], j: ['Lao', 'Laotian']},
  LBN: {n: 'Lebanon', j: ['Lebanese']},
  LBR: {n: 'Liberia', j: ['Liberian']},
  LBY: {n: 'Libya', j: ['Libyan']},
  LCA: {n: 'Saint Lucia', a: ['St Lucia', 'St. Lucia'], j: ['Saint Lucian']},
  LIE: {n: 'Liechtenstein', j: []},
  LKA: {n: 'Sri Lanka', j: ['Sri Lankan']},
  LSO: {n: 'Lesotho', j: []},
  LTU: {n: 'Lithuania', j: ['Lithuanian']},
  LUX: {n: 'Luxembourg', j: ['Luxembourg']},
  LVA: {n: 'Latvia', j: ['Latvian']},
  MAC: {n: 'Macau', a: ['Macao', 'Macao SAR', 'Macau SAR'], j: [], s: 'territory'},
  MAF: {n: 'Saint Martin (French part)', a: ['Collectivity of Saint Martin'], j: [], s: 'territory'},
  MAR: {n: 'Morocco', j: ['Moroccan']},
  MCO: {n: 'Monaco', j: ['Monegasque']},
  MDA: {n: 'Moldova', j: ['Moldovan']},
  MDG: {n: 'Madagascar', j: ['Malagasy']},
  MDV: {n: 'Maldives', j: ['Maldivian']},
  MEX: {n: 'Mexico', j: ['Mexican']},
  MHL: {n: 'Marshall Islands', j: ['Marshallese']},
  MKD: {
    n: 'North Macedonia',
    j: ['North Macedonian'],
    f: ['Republic of Macedonia', 'Former Yugoslav Republic of Macedonia', 'FYROM']
  },
  MLI: {n: 'Mali', j: ['Malian']},
  MLT: {n: 'Malta', j: ['Maltese']},
  MMR: {n: 'Myanmar', a: ['Burma'], j: ['Myanmar', 'Burmese']},
  MNE: {n: 'Montenegro', j: ['Montenegrin']},
  MNG: {n: 'Mongolia', j: ['Mongolian']},
  MNP: {n: 'Northern Mariana Islands', j: [], s: 'territory'},
  MOZ: {n: 'Mozambique', j: ['Mozambican']},
  MRT: {n: 'Mauritania', j: ['Mauritanian']},
  MUS: {n: 'Mauritius', j: ['Mauritian']},
  MWI: {n: 'Malawi', j: ['Malawian']},
  MYS: {n: 'Malaysia', j: ['Malaysian']},
  NAM: {n: 'Namibia', j: ['Namibian']},
  NCL: {n: 'New Caledonia', j: [], s: 'territory'},
  NER: {n: 'Niger', j: ['Nigerien']},
  NGA: {n: 'Nigeria', j: ['Nigerian']},
  NIC: {n: 'Nicaragua', j: ['Nicaraguan']},
  NLD: {n: 'Netherlands', a: ['the Netherlands', 'Holland'], j: ['Dutch']},
  NOR: {n: 'Norway', j: ['Norwegian']},
  NPL: {n: 'Nepal', j: ['Nepali', 'Nepalese']},
  NRU: {n: 'Nauru', j: ['Nauruan']},
  NZL: {n: 'New Zealand', j: ['New Zealand']},
  OMN: {n: 'Oman', j: ['Omani']},
  PAK: {n: 'Pakistan', j: ['Pakistani']},
  PAN: {n: 'Panama', j: ['Panamanian']},
  PER: {n: 'Peru', j: ['Peruvian']},
  PHL: {n: 'Philippines', a: ['the Philippines'], j: ['Philippine', 'Filipino']},
  PLW: {n: 'Palau', j: ['Palauan']},
  PNG: {n: 'Papua New Guinea', a: ['PNG'], j: ['Papua New Guinean']},
  POL: {n: 'Poland', j: ['Polish']},
  PRI: {n: 'Puerto Rico', j: ['Puerto Rican'], s: 'territory'},
  PRK: {n: 'North Korea', a: ["Democratic People's Republic of Korea", 'DPRK'], j: ['North Korean']},
  PRT: {n: 'Portugal', j: ['Portuguese']},
  PRY: {n: 'Paraguay', j: ['Paraguayan']},
  PSE: {
    n: 'West Bank and Gaza',
    a: ['Palestine', 'State of Palestine', 'Palestinian territories'],
    j: ['Palestinian'],
    s: 'partially-recognized'
  },
  PYF: {n: 'French Polynesia', j: [], s: 'territory'},
  QAT: {n: 'Qatar', j: ['Qatari']},
  ROU: {n: 'Romania', j: ['Romanian']},
  RUS: {n: 'Russia', a: ['Russian Federation'], j: ['Russian']},
  RWA: {n: 'Rwanda', j: ['Rwandan']},
  SAU: {n: 'Saudi Arabia', j: ['Saudi']},
  SDN: {n: 'Sudan', j: ['Sudanese']},
  SEN: {n: 'Senegal', j: ['Senegalese']},
  SGP: {n: 'Singapore', j: ['Singaporean']},
  SLB: {n: 'Solomon Islands', j: []},
  SLE: {n: 'Sierra Leone', j: ['Sierra Leonean']},
  SLV: {n: 'El Salvador', j: ['Salvadoran']},
  SMR: {n: 'San Marino', j: ['Sammarinese']},
  SOM: {n: 'Somalia', j: ['Somali']},
  SRB: {n: 'Serbia', j: ['Serbian']},
  SSD: {n: 'South Sudan', j: ['South Sudanese']},
  STP: {n: 'Sao Tome and Principe', a: ['São Tomé and Príncipe'], j: []},
  SUR: {n: 'Suriname', j: ['Surinamese']},
  SVK: {n: 'Slovakia', a: ['Slovak Republic'], j: ['Slovak']},
  SVN: {n: 'Slovenia', j: ['Slovenian']},
  SWE: {n: 'Sweden', j: ['Swedish']},
  SWZ: {n: 'Eswatini', a: ['Kingdom of Eswatini'], j: ['Swazi'], f: ['Swaziland']},
  SXM: {n: 'Sint Maarten', j: [], s: 'territory'},
  SYC: {n: 'Seychelles', j: ['Seychellois']},
  SYR: {n: 'Syria', a: ['Syrian Arab Republic'], j: ['Syrian']},
  TCA: {n: 'Turks and Caicos Islands', j: [], s: 'territory'},
  TCD: {n: 'Chad', j: ['Chadian'], amb: true},
  TGO: {n: 'Togo', j: ['Togolese']},
  THA: {n: 'Thailand', j: ['Thai']},
  TJK: {n: 'Tajikistan', j: ['Tajik']},
  TKM: {n: 'Turkmenistan', j: ['Turkmen']},
  TLS: {n: 'Timor-Leste', a: ['East Timor'], j: ['Timorese', 'East Timorese']},
  TON: {n: 'Tonga', j: ['Tongan']},
  TTO: {n: 'Trinidad and Tobago', j: ['Trinidadian']},
  TUN: {n: 'Tunisia', j: ['Tunisian']},
  TUR: {n: 'Turkey', a: ['Türkiye', 'Turkiye'], j: ['Turkish']},
  TUV: {n: 'Tuvalu', j: ['Tuvaluan']},
  TZA: {n: 'Tanzania', j: ['Tanzanian']},
  UGA: {n: 'Uganda', j: ['Ugandan']},
  UKR: {n: 'Ukraine', j: ['Ukrainian']},
  URY: {n: 'Uruguay', j: ['Uruguayan']},
  USA: {
    n: 'United States',
    a: ['US', 'U.S.', 'USA', 'United States of America', 'America'],
    j: ['American', 'US', 'U.S.']
  },
  UZB: {n: 'Uzbekistan', j: ['Uzbek']},
  VCT: {
    n: 'Saint Vincent and the Grenadines',
    a: ['St Vincent and the Grenadines', 'St. Vincent and the Grenadines'],
    j: ['Vincentian']
  },
  VEN: {n: 'Venezuela', j: ['Venezuelan']},
  VGB: {n: 'British Virgin Islands', j: [], s: 'territory'},
  VIR: {n: 'US Virgin Islands', a: ['U.S. Virgin Islands', 'United States Virgin Islands'], j: [], s: 'territory'},
  VNM: {n: 'Vietnam', a: ['Viet Nam'], j: ['Vietnamese']},
  VUT: {n: 'Vanuatu', j: ['Vanuatu']},
  WSM: {n: 'Samoa', j: [], amb: true},
  XKX: {n: 'Kosovo', j: ['Kosovar'], s: 'partially-recognized', wb: true},
  YEM: {n: 'Yemen', j: ['Yemeni']},
  ZAF: {n: 'South Africa', j: ['South African']},
  ZMB: {n: 'Zambia', j: ['Zambian']},
  ZWE: {n: 'Zimbabwe', j: ['Zimbabwean']}
}

// ---------------------------------------------------------------------------
// Blocs. Membership facts are hand-maintained (sources on each); the
// population sums are computed here from the World Bank figures.
const BLOCS = [
  {
    id: 'ASEAN',
    name: 'Association of Southeast Asian Nations',
    aliases: ['Association of Southeast Asian Nations'],
    members: ['BRN', 'KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'VNM', 'TLS'],
    member_count: 11,
    member_count_history: [
      {count: 10, from: '1999-04-30', to: '2025-10-26', note: 'Cambodia admitted 1999-04-30 as 10th member'},
      {count: 11, from: '2025-10-26', note: 'Timor-Leste admitted 2025-10-26 (47th ASEAN Summit, Kuala Lumpur)'}
    ],
    joined: {
      IDN: '1967-08-08',
      MYS: '1967-08-08',
      PHL: '1967-08-08',
      SGP: '1967-08-08',
      THA: '1967-08-08',
      BRN: '1984-01-07',
      VNM: '1995-07-28',
      LAO: '1997-07-23',
      MMR: '1997-07-23',
      KHM: '1999-04-30',
      TLS: '2025-10-26'
    },
    note: 'ASEAN had 10 members until Timor-Leste joined on 2025-10-26; copy about earlier dates correctly says 10.',
    membership_source:
      'asean.org member states page, via /work/shared/data/blocs.json (hand-maintained); accession dates: own knowledge (ASEAN Secretariat history), Timor-Leste date from blocs.json',
    extra_sums: {members_10_excluding_TLS: ['BRN', 'KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'VNM']}
  },
  {
    id: 'EU',
    name: 'European Union',
    aliases: ['European Union'],
    members: [
      'AUT',
      'BEL',
      'BGR',
      'HRV',
      'CYP',
      'CZE',
      'DNK',
      'EST',
      'FIN',
      'FRA',
      'DEU',
      'GRC',
      'HUN',
      'IRL',
      'ITA',
      'LVA',
      'LTU',
      'LUX',
      'MLT',
      'NLD',
      'POL',
      'PRT',
      'ROU',
      'SVK',
      'SVN',
      'ESP',
      'SWE'
    ],
    member_count: 27,
    member_count_history: [
      {
        count: 28,
        from: '2013-07-01',
        to: '2020-01-31',
        note: 'Croatia joined 2013-07-01; UK left 2020-01-31 (23:00 GMT)'
      },
      {count: 27, from: '2020-02-01'}
    ],
    note: '27 members since the UK left on 2020-01-31. Cross-checked against the World Bank aggregate EUU.',
    membership_source:
      'european-union.europa.eu country profiles, via /work/shared/data/blocs.json (hand-maintained); history: own knowledge',
    wb_aggregate: 'EUU'
  },
  {
    id: 'AU',
    name: 'African Union',
    aliases: ['African Union'],
    members: [
      'DZA',
      'AGO',
      'BEN',
      'BWA',
      'BFA',
      'BDI',
      'CPV',
      'CMR',
      'CAF',
      'TCD',
      'COM',
      'COG',
      'COD',
      'CIV',
      'DJI',
      'EGY',
      'GNQ',
      'ERI',
      'SWZ',
      'ETH',
      'GAB',
      'GMB',
      'GHA',
      'GIN',
      'GNB',
      'KEN',
      'LSO',
      'LBR',
      'LBY',
      'MDG',
      'MWI',
      'MLI',
      'MRT',
      'MUS',
      'MAR',
      'MOZ',
      'NAM',
      'NER',
      'NGA',
      'RWA',
      'ESH',
      'STP',
      'SEN',
      'SYC',
      'SLE',
      'SOM',
      'ZAF',
      'SSD',
      'SDN',
      'TZA',
      'TGO',
      'TUN',
      'UGA',
      'ZMB',
      'ZWE'
    ],
    member_count: 55,
    member_count_history: [{count: 55, from: '2017-01-30', note: 'Morocco readmitted 2017-01-30'}],
    note: '55 member states including the Sahrawi Arab Democratic Republic (ESH), which has no World Bank population figure, so the sum covers 54. Members suspended after coups remain members.',
    membership_source:
      'au.int member states page, via /work/shared/data/blocs.json (hand-maintained); Morocco readmission date: own knowledge'
  },
  {
    id: 'G7',
    name: 'Group of Seven',
    aliases: ['Group of Seven', 'G-7'],
    members: ['CAN', 'FRA', 'DEU', 'ITA', 'JPN', 'GBR', 'USA'],
    also_participates: ['EU'],
    member_count: 7,
    note: 'Seven countries; the EU takes part as a "non-enumerated" member. Russia was suspended from the then G8 in March 2014 and formally left in 2017.',
    membership_source: 'own knowledge (G7 presidency communiques); to re-check'
  },
  {
    id: 'G20',
    name: 'Group of Twenty',
    aliases: ['Group of Twenty', 'Group of 20', 'G-20'],
    members: [
      'ARG',
      'AUS',
      'BRA',
      'CAN',
      'CHN',
      'FRA',
      'DEU',
      'IND',
      'IDN',
      'ITA',
      'JPN',
      'KOR',
      'MEX',
      'RUS',
      'SAU',
      'ZAF',
      'TUR',
      'GBR',
      'USA'
    ],
    also_members: ['EU', 'AU'],
    member_count: 21,
    member_count_history: [
      {count: 20, to: '2023-09-09', note: '19 countries + EU'},
      {count: 21, from: '2023-09-09', note: 'African Union admitted as permanent member at the New Delhi summit'}
    ],
    note: '19 countries plus the EU and (since 2023-09-09) the African Union. The population sum covers the 19 countries; a second sum is the union of those countries and all EU and AU member states (each counted once; ESH has no WB figure).',
    membership_source:
      'own knowledge (g20.org members page; New Delhi Leaders Declaration 2023-09-09 for the AU); to re-check',
    union_with: ['EU', 'AU']
  }
]

// ---------------------------------------------------------------------------
function parseCsv(text) {
  const rows = []
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue
    const cells = []
    let cur = ''
    let q = false
    for (let i = 0; i < line.length; i++) {
      const c = line[i]
      if (q) {
        if (c === '"' && line[i + 1] === '"') {
          cur += '"'
          i++
        } else if (c === '"') q = false
        else cur += c
      } else if (c === '"') q = true
      else if (c === ',') {
        cells.push(cur)
        cur = ''
      } else cur += c
    }
    cells.push(cur)
    rows.push(cells)
  }
  return rows
}

const rows = parseCsv(readFileSync(csvPath, 'utf8'))
const header = rows.shift()
if (header.join(',') !== 'country_name,iso3_or_wb_aggregate,year,population') {
  throw new Error(`unexpected CSV header: ${header.join(',')}`)
}
const pop = new Map() // code -> {wbName, 2023, 2024}
for (const [wbName, code, year, value] of rows) {
  if (!pop.has(code)) pop.set(code, {wbName})
  const v = Number(value)
  if (!Number.isInteger(v) || v <= 0) throw new Error(`bad population for ${code} ${year}: ${value}`)
  pop.get(code)[year] = v
}

const unknown = [...pop.keys()].filter((c) => !AGGREGATES.has(c) && !M[c])
if (unknown.length) throw new Error(`unmapped World Bank codes: ${unknown.join(', ')}`)
const missing = Object.keys(M).filter((c) => !pop.has(c))
if (missing.length) throw new Error(`mapped codes absent from CSV: ${missing.join(', ')}`)

const popEntry = (value, year, source = SRC_SHORT) => ({value, year, source})

const countries = Object.keys(M)
  .sort()
  .map((code) => {
    const m = M[code]
    const p = pop.get(code)
    const e = {code, name: m.n}
    e.aliases = m.a ?? []
    e.adjectives = m.j ?? []
    if (m.f) e.former_names = m.f
    if (m.s && m.s !== 'sovereign') e.status = m.s
    if (m.amb) e.ambiguous_name = true
    if (m.wb) e.wb_code_only = true
    e.wb_name = p.wbName
    if (p['2024'] == null || p['2023'] == null) throw new Error(`missing year for ${code}`)
    e.population = popEntry(p['2024'], 2024)
    e.population_2023 = popEntry(p['2023'], 2023)
    return e
  })

function sum(codes, year) {
  let total = 0
  const without = []
  for (const c of codes) {
    const p = pop.get(c)
    if (!p || AGGREGATES.has(c)) {
      without.push(c)
      continue
    }
    total += p[String(year)]
  }
  return {total, without}
}

const blocs = BLOCS.map((b) => {
  const out = {id: b.id, name: b.name, aliases: b.aliases, members: b.members}
  if (b.also_members) out.also_members = b.also_members
  if (b.also_participates) out.also_participates = b.also_participates
  out.member_count = b.member_count
  if (b.member_count_history) out.member_count_history = b.member_count_history
  if (b.joined) out.joined = b.joined
  out.note = b.note
  out.membership_source = b.membership_source
  if (b.members.length !== (b.also_members ? b.member_count - b.also_members.length : b.member_count)) {
    throw new Error(`${b.id}: member list length ${b.members.length} disagrees with member_count ${b.member_count}`)
  }
  const s24 = sum(b.members, 2024)
  const s23 = sum(b.members, 2023)
  out.population = popEntry(
    s24.total,
    2024,
    `sum of ${SRC_SHORT} 2024 figures for ${b.members.length - s24.without.length} member countries (computed by scripts/build-countries.mjs)`
  )
  out.population_2023 = popEntry(s23.total, 2023, `sum of ${SRC_SHORT} 2023 figures (computed)`)
  if (s24.without.length) out.members_without_wb_figure = s24.without
  if (b.wb_aggregate) {
    const agg = pop.get(b.wb_aggregate)
    out.wb_aggregate = {
      code: b.wb_aggregate,
      population: popEntry(agg['2024'], 2024, `${SRC_SHORT} (${b.wb_aggregate})`)
    }
    if (agg['2024'] !== s24.total) console.warn(`note: ${b.id} sum ${s24.total} != ${b.wb_aggregate} ${agg['2024']}`)
  }
  if (b.extra_sums) {
    for (const [k, codes] of Object.entries(b.extra_sums)) {
      out[`population_${k}`] = popEntry(sum(codes, 2024).total, 2024, `sum of ${SRC_SHORT} 2024 figures (computed)`)
    }
  }
  if (b.union_with) {
    const set = new Set(b.members)
    for (const id of b.union_with) for (const c of BLOCS.find((x) => x.id === id).members) set.add(c)
    const u = sum([...set], 2024)
    out.population_including_eu_au_members = popEntry(
      u.total,
      2024,
      `sum of ${SRC_SHORT} 2024 figures for the union of the 19 G20 countries and all EU and AU member states, ${set.size - u.without.length} countries (computed; ${u.without.join(', ')} without figure)`
    )
  }
  return out
})

const wld = pop.get('WLD')
const chinaAsean = pop.get('CHN')['2024'] + blocs.find((b) => b.id === 'ASEAN').population.value

const doc = {
  source: SOURCE,
  generated_by: 'scripts/build-countries.mjs (do not edit by hand; edit the mapping in the script and re-run)',
  world: {
    population: popEntry(wld['2024'], 2024, `${SRC_SHORT} (WLD)`),
    population_2023: popEntry(wld['2023'], 2023, `${SRC_SHORT} (WLD)`)
  },
  derived: {
    'CHN+ASEAN': {population: popEntry(chinaAsean, 2024, `China + ASEAN (11) ${SRC_SHORT} 2024 figures (computed)`)}
  },
  countries,
  blocs
}

const yamlDoc = new YAML.Document(doc)
// Compact style: population objects and short string lists on one line.
YAML.visit(yamlDoc, {
  Map(_, node) {
    const keys = node.items.map((p) => p.key && p.key.value)
    if (keys.includes('value') && keys.includes('year')) node.flow = true
  },
  Seq(_, node) {
    if (node.items.every((i) => YAML.isScalar(i))) node.flow = true
  }
})
const header2 = [
  '# GENERATED by scripts/build-countries.mjs from the World Bank population extract;',
  '# do not edit by hand. Population: "World Bank, SP.POP.TOTL" (CC BY 4.0).',
  '# Names, aliases and adjectives: hand-written mapping in the script (own knowledge).',
  ''
].join('\n')
writeFileSync(outPath, header2 + yamlDoc.toString({lineWidth: 0}))
console.log(`wrote ${outPath}: ${countries.length} countries/territories, ${blocs.length} blocs`)
