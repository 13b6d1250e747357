/**
 * Vocabulary of the search benchmark's synthetic information items: words and expressions about
 * atrocity-crime precursors, countries, places, groups and people. Everything is deterministic so
 * that every run loads the same corpus and the query set can name words by how common they are.
 */

/** Items of a comma-separated block; `#` starts a comment line. */
function list(block: string): string[] {
  return block
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join(',')
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
}

/**
 * The main vocabulary, most frequent first. The loader draws each word with probability ∝ 1/rank
 * (Zipf, s = 1): the first few words appear in most items, the last ones in 1–2% of them.
 * Multi-word expressions are one entry so that phrase queries ("hate speech") find real phrases.
 */
export const WORDS: readonly string[] = list(`
  # 1–40: the everyday words of incident reporting
  attack, village, forces, civilians, reported, armed, security, militia, killed,
  local, displaced, community, government, police, town, violence, residents,
  military, ethnic, group, members, district, soldiers, fighters, families,
  houses, women, children, market, road, night, authorities, witnesses, men,
  region, attackers, youths, leaders, injured, fled,
  # 41–118: common precursor vocabulary
  displacement, checkpoint, arrests, detained, curfew, burned, looted, threats,
  armed group, security forces, hate speech, protest, demonstrators, shooting,
  clashes, raid, abducted, missing, refugees, camp, border, rebels, army,
  patrol, convoy, weapons, ammunition, recruitment, mobilisation, rally, speech,
  radio, broadcast, social media, posts, messages, rumours, propaganda, minister,
  governor, commander, chief, elders, mosque, church, school, hospital, clinic,
  water, food, crops, cattle, livestock, land, farmers, herders, traders,
  students, journalists, activists, opposition, party, election, vote, campaign,
  tension, dispute, grievance, revenge, reprisal, retaliation, ambush, massacre,
  executions, torture, beatings, rape, sexual violence,
  # 119–229: less common
  forced displacement, human rights defenders, internet shutdown, mass grave,
  refugee camp, voter registration, state of emergency, emergency decree, martial law,
  disappearance, enforced disappearance, extrajudicial, summary, detention, prison,
  interrogation, trial, court, judge, prosecutor, impunity, amnesty, investigation,
  commission, inquiry, report, statement, denial, justification, dehumanising,
  cockroaches, vermin, traitors, foreigners, infiltrators, enemies, purge,
  cleansing, extermination, elimination, segregation, discrimination, exclusion,
  citizenship, identity cards, census, registration, lists, marking, houses marked,
  property, confiscation, eviction, demolition, bulldozed, destroyed, arson, fire,
  shelling, airstrike, drone, artillery, mortar, landmine, explosive, grenade,
  machete, rifles, arms shipment, arms cache, training camp, recruits, child soldiers,
  vigilantes, self-defence, paramilitary, auxiliaries, volunteers, mercenaries,
  private security, intelligence, informants, surveillance, wiretap, blacklist,
  expulsion, deportation, relocation, resettlement, siege, blockade, starvation,
  famine, aid, humanitarian, convoy blocked, access denied, aid workers, peacekeepers,
  observers, monitors, mission, mandate, ceasefire, peace talks, agreement,
  violation, truce, negotiations, mediation, dialogue,
  # 230–332: rarer
  constitutional amendment, term extension, coup, junta, transition, succession,
  assassination, bombing, suicide attack, hostages, kidnapping, ransom, trafficking,
  smuggling, gold, diamonds, oil, timber, mining, concession, pipeline, dam,
  drought, flood, epidemic, cholera, inflation, fuel prices, unemployment, strike,
  boycott, sanctions, embargo, veto, resolution, council, summit, envoy,
  delegation, visit, commemoration, anniversary, memorial, monument, pilgrimage,
  festival, procession, sermon, preacher, imam, priest, bishop, monks, shrine,
  cemetery, desecration, vandalism, graffiti, leaflets, pamphlets, songs, chants,
  slogans, cartoon, video, footage, livestream, influencer, blogger, hashtag,
  disinformation, fake news, conspiracy, scapegoat, blame, collective punishment,
  curfew violation, shoot on sight, no-go zone, buffer zone, exclusion zone,
  security operation, clearance operation, counter-insurgency, sweep, cordon,
  house searches, roundup, mass arrests, screening, filtration, camps, internment,
  re-education, forced labour, conscription, draft, desertion, defection, mutiny,
  militia leader, warlord, strongman,
  # 333–441: the long tail
  exhumation, forensic, autopsy, bodies, remains, identification, reparations,
  truth commission, tribunal, indictment, warrant, extradition, acquittal, pardon,
  reconciliation, reintegration, demobilisation, disarmament, cantonment, amnesty law,
  land reform, land grab, boundary, demarcation, customary, chieftaincy, kingdom,
  clan, lineage, caste, tribe, dialect, language ban, schools closed, curriculum,
  textbooks, history, myth, ancestral, indigenous, nomadic, pastoralist,
  transhumance, corridor, migration route, grazing, water point, well, borehole,
  irrigation, harvest, granary, seed, fertiliser, market closed, shops looted,
  businesses, boycott call, economic exclusion, bank accounts frozen, dismissals,
  purge of officers, promotion, reshuffle, decree, ordinance, bylaw, regulation,
  permit, license, registration refused, party banned, newspaper closed,
  station closed, accreditation, visa denied, expelled, persona non grata,
  ngo suspended, office raided, laptops seized, phones seized, passwords, spyware,
  hacking, doxxing, harassment, intimidation, threat letter, night letters,
  death threats, bounty, hit list, targeted killing, sniper, lynching, mob,
  stoning, beheading, mutilation, dismemberment, sterilisation, forced pregnancy,
  forced marriage, slavery, children transferred, orphans, adoption, boarding schools,
`);

/** Function words mixed into sentences so titles and descriptions read like prose (to_tsvector drops them). */
export const FUNCTION_WORDS: readonly string[] = list(`
  the, of, in, and, near, after, by, against, with, from, on, to, at,
  during, following, before, between, across,
`);

/**
 * Rare terms, each in roughly 0.025% of items (≈ 250 of a million): what an analyst searches for
 * when following one thread.
 */
export const RARE_TERMS: readonly string[] = list(`
  ossuary, crematorium, quicklime, tattooed, armbands, yellow badges, whistleblower,
  manifesto, pogrom, kristallnacht, gerrymandering, denaturalisation, stateless,
  apostasy, blasphemy, sorcery, witchcraft, albinism, ritual killing, cannibalism,
  scorched earth, salt the wells, poisoned wells, chlorine, sarin, napalm,
  cluster munitions, barrel bombs, white phosphorus, thermobaric, bayonet, garrotte,
  tuberculosis ward, mass wedding, seed bank, locust swarm, cobalt, coltan, lithium,
  uranium,
`);

/** The two dozen groups that items name as affected. */
export const GROUPS: readonly string[] = list(`
  Aweri, Baluni, Chakari, Dorvan, Eshani, Fulbeti, Garani, Hemmat, Idrani,
  Jorubi, Kassar, Lomadi, Marani, Nuwari, Oromeri, Pashadi, Qarani, Rohani,
  Sarvadi, Tamberi, Usmani, Velari, Wazadi, Yarubi,
`);

/** Countries (ISO 3166-1 alpha-3), most reported first; the loader skews towards the first ones. */
export const COUNTRIES: readonly string[] = list(`
  SDN, MMR, COD, SSD, ETH, UKR, SYR, YEM, AFG, MLI, BFA, NER, NGA, CAF,
  SOM, HTI, IRQ, LBY, PSE, ISR, CMR, TCD, MOZ, BDI, RWA, UGA, KEN, TZA,
  ZWE, VEN, COL, NIC, GTM, MEX, BRA, IND, PAK, BGD, LKA, CHN, PRK, PHL,
  IDN, THA, KHM, LBN, IRN, TUR, ARM, AZE, GEO, RUS, BLR, SRB, BIH, MKD,
  EGY, TUN, DZA, MAR,
`);

/** Places per country; items name one (title, place_name) and its area (admin_area). */
export const VILLAGES_PER_COUNTRY = 12;
/** Commanders and public figures: each item mentions one with 3% probability (≈ 150 items each). */
export const PEOPLE_COUNT = 200;

/** Deterministic PRNG (mulberry32): the same corpus every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'd', 'g', 'k', 'l', 'm', 'n', 'r', 's', 't', 'z', 'sh', 'kh', 'dj', 'ts'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'aa', 'ei', 'ou'];
const CODAS = ['', '', '', 'n', 'r', 'l', 'm', 'k'];

function invent(random: () => number, syllables: number): string {
  let word = '';
  for (let s = 0; s < syllables; s += 1) {
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
    word += pick(ONSETS) + pick(VOWELS) + (s === syllables - 1 ? pick(CODAS) : '');
  }
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Invented, distinct place names: VILLAGES_PER_COUNTRY per country, in COUNTRIES order. */
export function villageNames(): string[] {
  const random = prng(0x7a11a9e);
  const names = new Set<string>();
  while (names.size < COUNTRIES.length * VILLAGES_PER_COUNTRY) {
    names.add(invent(random, 2 + Math.floor(random() * 2)));
  }
  return [...names];
}

/** Invented, distinct administrative areas: three per country. */
export function areaNames(): string[] {
  const random = prng(0xa4ea5);
  const names = new Set<string>();
  const villages = new Set(villageNames());
  while (names.size < COUNTRIES.length * 3) {
    const name = `${invent(random, 3)} Province`;
    if (!villages.has(name)) names.add(name);
  }
  return [...names];
}

/** Invented, distinct people ("Commander Dorekan"), two syllable pairs each. */
export function peopleNames(): string[] {
  const random = prng(0x9e0b1e);
  const places = new Set(villageNames());
  const names = new Set<string>();
  while (names.size < PEOPLE_COUNT) {
    const name = `${invent(random, 2)} ${invent(random, 3)}`;
    if (!places.has(name)) names.add(name);
  }
  return [...names];
}
