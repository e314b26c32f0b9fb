"""The event coder's rules (data/gold/CODING.md) on sentences written for these tests, not taken from
any corpus: one sentence per rule, each expectation what a careful reader codes at top-level actors.

The sentences vary the grammar the rules are about (reported speech, negation, futures, decisions,
commitments, threats, appeals, demands, refusals, denials, passives, relative clauses, appositions,
coordination, reciprocals, nominal triggers) across crises the seed articles never mention.
"""
import shutil

import pytest

from helpers.patterns import PatternError, load_pattern_book
from helpers.pipeline import extract_tables
from helpers.project import DATA_DIR

# Wednesday 8 May 2024
RULES = """ date 2024-05-08

Armenia said Azerbaijani troops had shelled Armenian border posts on Tuesday.

Georgia did not recall its ambassador.

Kenya will recall its ambassador from Somalia, the foreign ministry said.

Ghana decided to expel two Nigerian diplomats.

Ethiopia and Eritrea agreed to de-escalate.

Russia threatened to impose sanctions on Moldova.

The United Nations urged Sudan and Chad to exercise restraint.

Iraq must release the detained sailors, Iran's foreign ministry said.

Venezuela rejected Brazil's mediation offer.

Iran could close the Strait of Hormuz.

Two Ukrainian diplomats were expelled by Hungary.

Japan, which summoned China's ambassador on Monday, called the incident a provocation.

Thailand and Cambodia accused each other of violating the ceasefire.

Israel's air strikes on Hezbollah positions killed three people.

Ukraine launched a drone attack on Russian oil refineries.

Algeria recalled its ambassador from Rabat and closed its airspace to Moroccan aircraft.

Hezbollah denied carrying out the attack.

If talks fail, Azerbaijan may attack.

Egypt condemned Israel for attacking Rafah.
"""

MEDIATION = """ date 2024-05-08

Qatar offered to mediate between Israel and Hamas.

Israel and Lebanon should show restraint, France said.

Rwandan troops shelled Goma, killing at least 12 people, according to local police.

Dozens of people were wounded in the shelling, hospital staff said.

Ararat Mirzoyan, Armenia's foreign minister, met Turkey's foreign minister in Ankara.

Egypt refused to host talks with Hamas.
"""

DIRECTIONS = """ date 2024-05-08

Ecuador's president spoke by telephone with Peru's president on Tuesday.

Chile and Bolivia signed a border agreement in La Paz.

Two rockets were fired by Hezbollah at an Israeli army post.

Mali ordered France's ambassador to leave within 72 hours, accusing Paris of interference.

Senegal called on Gambia.

Mexico thanked Canada for its help.

In Nairobi, foreign ministry spokeswoman Jane Wambui urged Mogadishu to stop the fighting.

Foreign ministry spokesman Tom Otieno urged Addis Ababa to stop the fighting.

Uruguay and Paraguay will meet again in Brazil next month.

The European Union added Chadian army commanders to its sanctions list on Monday.

The United States adopted restrictive measures against three Malian officials.

The council added two items to the agenda.
"""

# an article about two states only: what is left implicit is between them
RUPTURE = """ date 2024-05-08

Guinea and Liberia have quarrelled for months over their shared border.

On Monday, Guinea cut diplomatic ties.

Each side blamed the other for the crisis.

Fighting broke out between Guinea and Liberia on Tuesday.

Clashes between Guinea and Liberia killed four soldiers on Wednesday.

Liberia sent helicopters to bomb targets inside Guinea.

Guinean forces fired rockets deep into Liberian territory.

Liberian rockets hit the Guinean town of Kissidougou, and Liberia's health ministry said 11 civilians had been killed.
"""

# a story between two states told from a third one's capital: the venue is no party
VENUE = """ date 2024-05-08

Chad and Sudan agreed in Doha on Monday to an immediate ceasefire.

The talks in the Qatari capital lasted two days, and the Doha ceasefire took effect at midnight.

Chadian and Sudanese troops clashed again on Tuesday.

The Arab League appealed on Wednesday for calm between the two neighbours.

Kenya called for calm between Chad and Sudan.

Chad's ambassador in Khartoum was recalled on Thursday.

Sudan shut Chad's consulates in Nyala.

Sudan accused the Chadian government of interfering in its internal affairs.

The Houthis denied attacking the tanker.

Chad expressed its gratitude to Qatar.
"""

# a rupture told through nominal acts, relative clauses, treaty names and a regional body
RIFT = """ date 2024-05-08

Bolivian police raided Paraguay's embassy in La Paz on Monday.

Chile condemned the raid as a violation of the Vienna Convention.

Argentina and Brazil joined Colombia in condemning the Bolivian raid.

Paraguay announced the closure of its embassy in La Paz.

Uruguay went further, announcing that it was breaking off relations with Bolivia.

Bolivia ordered the closure of its airspace to Paraguayan aircraft.

Bolivia accuses Paraguay of arming smugglers, a charge which Paraguay firmly rejects.

Paraguay dismissed Bolivia's claim that Paraguayan troops had shelled a Bolivian village.

Honduras, whose president holds the rotating presidency of the Community of Latin American and Caribbean States, condemned the raid.

Bolivia and Paraguay held a first round of talks in Brasília on Friday.
"""

# a standoff told with a headline, a day before the verb, agentless summons and a body's officer
STANDOFF = """Ghana shuts border with Togo, accuses Lomé of arming smugglers

Published: 2024-05-08

Relations between Ghana and Togo have soured for months.

Togo on Monday accused Ghana of training the rebels.


Ghana's ambassador was summoned to the foreign ministry in Lomé on Tuesday.

Togolese troops fired warning shots on Tuesday.

Ghana and Togo have thrown out each other's top diplomats.

Togo's president struck a more measured tone on Wednesday.

The Economic Community of West African States Commission president, Omar Touray, urged the two countries to exercise restraint and to resolve their differences through dialogue.

Ghana dismissed Togo's description of its envoy as a spy.

Ghana and Togo struck a deal on Wednesday.
"""

# a rupture between a republic and a kingdom, with meetings named only as the setting of an act
MAGHREB = """Published: 2024-05-08

Morocco and Algeria have been at odds for decades.

On Monday, Morocco expelled two Algerian diplomats.

The kingdom also recalled its ambassador from Algiers on Tuesday.

Speaking on the sidelines of a summit of the Arab League, Algeria's foreign minister condemned Morocco.

Before leaving for the African Union summit, Algeria's president condemned Morocco.
"""

# recalls told as bringing an envoy home or evacuating diplomats; statements issued
RECALLS = """Published: 2024-05-08

Chile and Peru have quarrelled for months.

Chile brought its ambassador home on Tuesday.

Peru evacuated its last remaining diplomats from Santiago.

Chile issued an ultimatum to Peru on Wednesday.

Peru's foreign ministry issued an advisory urging Peruvians in Chile to exercise caution.
"""

# a retaliation that names no one, a reciprocal exchange, talks suspended and resumed, denials of an
# act, a rejection with no one named, a participle after a comma
ESCALATION = """Published: 2024-05-08

Ethiopia and Eritrea have quarrelled for years.

Eritrea fired rockets at Ethiopian border posts on Monday, and Ethiopia answered with a wave of drone strikes.

The two armies traded fire again on Friday.

Eritrea suspended its dialogue with Ethiopia.

Kenya urged Eritrea to return to the negotiating table.

Eritrea denied any coercion.

Ethiopia rejected the proposal.

Ethiopia cut diplomatic ties, accusing Eritrea of "hostile acts".
"""

# a group of states named by their number
QUARTET = """Published: 2024-05-08

Jordan, Oman, Kuwait and Morocco cut ties with Tunisia in March.

The quartet accused Tunis of funding militants.

The four countries recalled their ambassadors from Tunis on Friday.
"""

# words traded; a meeting called, and a word to the press that is no meeting
BARBS = """Published: 2024-05-08

Israel and Turkey have quarrelled for months.

Israel traded barbs with Turkey on Thursday.

Speaking to reporters after Friday prayers, Turkey's president said the door to trade was closed.

Turkey's president called an emergency cabinet meeting on Friday.
"""

# envoys declared unwelcome or called home; a decision called names; the states named last are
# those of this sentence before those of the sentences before it
ENVOYS = """Published: 2024-05-08

Jordan and Oman cut ties with Tunisia in March.

Kuwait, Morocco, Qatar and Egypt criticised Tunisia on Monday, and the four countries cut ties with Tunis on Friday.

Chile declared Bolivia's ambassador, Luis Quispe, persona non grata on Tuesday.

Ecuador summoned its ambassador in Lima for consultations.

Bolivia's foreign ministry called Chile's decision short-sighted and unjustified.
"""

# a headline names no day: the body's day for the same act is its day
HEADLINE = """Chile recalls its ambassador from Bolivia
Published: 2024-05-08

SANTIAGO, May 8 (Reuters) - Chile recalled its ambassador from Bolivia on Monday, the foreign ministry said.

Bolivia called the decision regrettable.
"""

# a state's voice with no state of its own named does not accuse the state it names
VOICE = """Published: 2024-05-08

India and Canada have quarrelled for months, and India expelled a Canadian diplomat on Monday.

In a statement, the ministry accused Canada of sheltering extremists.
"""

# appeals to step back; a speaker after a fronted place; a capital the parser took for an adverb
APPEALS = """Published: 2024-05-08

Germany urged Greece and Turkey to avoid any step that could escalate tensions.

In Ankara, President Recep Tayyip Erdogan on Monday urged Greece to respect the truce.

Moscow, for its part, has accused Kyiv of meddling in the dispute.
"""

# an attack condemned is its perpetrator's, not its victim's; expecting others to act is no intent
# of one's own; where a meeting is held is not who meets
CONDEMNED = """Published: 2024-05-08

Serbian gunmen attacked Kosovo police on Sunday.

Albania condemned the attack on the Kosovo police.

Washington expects Thailand and Cambodia to resume talks.

The African Union convened an extraordinary summit in Uganda on Thursday.

Talks between Thailand and Cambodia could resume next week.

Talks between Thailand and Cambodia resumed on Monday.
"""

# a person named in full once is named by surname after; a title with a state names an unknown
# person's state for the rest of the article
NAMES = """Published: 2008-03-05

Ecuador's president, Rafael Correa, flew to Caracas on Tuesday.

Bolivian Foreign Minister Arturo Quispe arrived in Quito on Monday.

Correa accused Colombia of lying about the raid.

President Alvaro Uribe telephoned Correa on Saturday.

Quispe accused Colombia of violating Ecuador's sovereignty.
"""

# crowds are of the state where they gather; a document speaks for the subject before it; a noun
# aside is no subject; a French title is one noun
LIAISON = """Published: 2023-07-21

Protesters stormed the Danish embassy in Tehran on Thursday.

In Oslo, demonstrators pelted the Iranian embassy with eggs.

Denmark summoned Iran's chargé d'affaires on Friday.

Tehran throws out Denmark's envoy

Denmark cut diplomatic ties with Iran on Saturday.

The statement also accused Iran of failing to protect the mission.

Norway, for its part, accused Iran of ignoring its duties.
"""

# troops that pull back or fight; a recall by a third state follows the one before it; a denial of
# anything; a meeting requested is not held
WITHDRAWALS = """Published: 2020-07-08

India and China blamed each other for the clash in the valley.

Chinese troops pulled back two kilometres on Monday.

Indian and Chinese soldiers fought for hours near the lake.

Japan recalled its ambassador from China on Tuesday.

Australia recalled its ambassador on Wednesday.

China denied that its patrols had crossed the line.

India requested a meeting between the two defence ministers.
"""

# a live blog's timestamp heading is no part of the entry's sentence; lists of subjects and of
# predicates the parser may break apart; an agent of the object; deadlines are no dates
LISTS = """Gabon and Niger cut ties with Chad

Published: 2019-03-14

07:30 What we know so far
Gabon accused Cameroon of arming rebels on Monday.

The EU, the United States and Canada imposed sanctions on Chad on Tuesday.

Ghana recalled its ambassador from Togo on Monday, asked the Togolese ambassador to leave within 48 hours and halted all imports from Togo.

Senegal condemned the launch by Chad.

ECOWAS gave Guinea until April 30 to release the detainees.

Ghana, Togo, Benin and Nigeria severed ties with Mali on Monday.

Chad and Gabon followed suit.

The four governments also closed their borders to Malian trucks.
"""

# crowds that gather, visits at the head of a delegation, counterparts, a state's own council,
# shuttles, affirmed condemnations, diplomatic staff, the victim of a strike
GATHERINGS = """Published: 2019-03-14

Hundreds of protesters gathered outside the Turkish embassy in Athens on Sunday.

Nigeria's foreign minister led a delegation to Accra on Monday.

Kenya's foreign minister spoke by telephone with his Ugandan counterpart.

Nigeria's National Security Council accused Niger of harbouring militants.

The German foreign minister shuttled between Athens and Ankara.

The Arab League affirmed its condemnation of the Israeli raids.

Sweden withdrew its diplomatic staff from Minsk.

Ali Omar, a Somali army officer, was killed in an Ethiopian drone strike.
"""

# a ministry's spokesperson the dictionary does not know speaks for the story's other state
SPOKESPERSON = """Published: 2019-03-14

China and Japan traded accusations over the islands.

Foreign Ministry spokesperson Wang Lei accused Tokyo of provocation on Monday.
"""

# violent nouns that are what another act is about, phrasal verbs, purposes of a thing, a group's
# positions
TOPICS = """Published: 2019-03-14

Armenia shelled Azerbaijani positions near Tovuz on Sunday.

Baku called the shelling "completely unacceptable".

Thousands rallied in Baku against the Armenian offensive on Monday.

Azerbaijan hit back on Monday.

The European Commission launched a case against Armenia at the court.

Armenia turned down a request to send observers.

Hezbollah fired rockets at an Israeli base on Friday.

Israeli jets bombed the group's positions in Lebanon on Saturday.
"""

# judgements: a reported one, a move named, a conduct described, no one in particular, a victim
CENSURES = """Published: 2019-03-14

Georgia expelled two Russian diplomats on Monday.

The Russian embassy in Tbilisi said the expulsions were unjustified.

Moscow called the move a hostile step.

The Russian foreign ministry described the conduct of the Georgian government as "boorish".

Baku said any interference would be unacceptable.

Yerevan said Armenia was the victim of an aggression.
"""

# offers of help, a recall beside another act, an ordered expulsion, diplomats pulled out, a former
# president, a surname the tagger reads as a plural noun
OFFERS = """Published: 2019-03-14

Kyrgyzstan and Tajikistan traded accusations on Sunday.

Kazakhstan offered its help in ending the dispute.

Qatar recalled its ambassador and gave Bahrain's envoy 48 hours to leave.

Ghana ordered the expulsion of three Togolese diplomats on Monday.

Kenya pulled its diplomats out of Mogadishu on Monday.

A former Sudanese president criticised Chad on Monday.

Dutch Foreign Minister Pieter Vermeers called on Turkey to respect the Vienna Convention.

Vermeers also called on Turkey to release the diplomats.
"""

NEIGHBOURS = """Published: 2019-03-14

Kyrgyzstan and Tajikistan traded accusations on Sunday.

Turkey has offered to help the two neighbours resolve the dispute.
"""

RESPONSES = """Published: 2019-03-14

Armenian artillery shelled the Azerbaijani town of Tartar on Sunday.

Azerbaijan vowed to respond.

Peru expelled two Bolivian diplomats on Monday, and Bolivia said it would respond in kind.

Chile accused Argentina of violating the border agreement and warned that Santiago would respond.

Ghana said it would respond in kind and order Togolese diplomats to leave Accra.

Uganda barred its citizens from travelling to Rwanda.

Paraguay and Uruguay agreed to refrain from escalating the dispute.

President Moon Jae-in accused Japan of economic retaliation on Monday.

Moon criticised Tokyo again on Tuesday.

Finland's foreign minister, who chairs the OSCE, arrived in Tbilisi on Tuesday.

Algeria's president chaired a meeting of the High Security Council on Wednesday.

Ecuador's president chaired a meeting of the National Security Council.

NATO ambassadors held an emergency meeting in Brussels at Turkey's request.

Protesters stormed the Danish embassy in Damascus on Saturday.

The UN Security Council condemned the attacks on the Danish embassy.
"""

SIGNING = """Published: 2025-06-30

Burundi and Rwanda traded accusations on Monday.

The two foreign ministers signed a declaration of principles at the State Department.
"""

TRUCE = """Published: 2025-10-16

Pakistan and Afghanistan clashed on Tuesday.

That evening, both governments accepted a 48-hour truce.
"""

# invented: what an act and a judgement are aimed at when the sentence names it only in passing
AIMS = """Published: 2019-03-14

Bahrain and Egypt severed diplomatic relations with Qatar on Monday, accusing it of supporting terrorism.

Iranian gunmen shot at a Kuwaiti patrol boat on Sunday.

The United States and the European Union also condemned the shooting.

Tokyo imposed restrictions on exports to South Korea.

Seoul called the restrictions unjust.

India banned imports from Nepal on Tuesday.

Nepal's foreign ministry called the ban discriminatory.

Peru condemned Chile for allowing the march and asked it to extradite the organisers.

Chile has already pulled its diplomats out of Lima, flying them to Santiago.

Baghdad held Ankara responsible for the attack.

Japan's foreign ministry lodged a protest with Seoul over the break-in.
"""

# invented: praise and censure that name an act or words, not who made them; envoys sent; bodies
# known by more than one name; unknown speakers placed by the city a sentence opens with
REFERENCES = """Published: 2019-03-14

Kyrgyzstan and Uzbekistan signed a border treaty on Monday.

The European Union welcomed the treaty.

Hungary withdrew its troops from the Serbian border on Tuesday.

Austria praised the move.

Bolivia accused Chile of spying on Wednesday.

Chile's foreign ministry condemned the remarks.

Kenya sent Foreign Minister Amina Wanjiru to Addis Ababa on Thursday.

Morocco restored diplomatic relations with Iran on Friday.

The Minsk Group accused Armenia of violating the truce.

The Economic Community of West African States accused Guinea of delaying the transition.

Fighters of the Islamic State Sahel Province ambushed a Nigerien army patrol on Friday.

In Beijing, foreign ministry spokeswoman Li Mei accused Manila of provocations on Monday.

China circulated a position paper that accused Vietnam of ramming its ships.

Laos denied closing the border and accused Thailand of smuggling.

The European Parliament condemned Belarus on Thursday.

Baku told Yerevan to withdraw its troops from the border.
"""

# invented: duties, levies and bans on a trade; a list of three states parsed as a chain; a
# shoot-down by a warplane; a call to congratulate
TRADE = """Published: 2019-03-14

Lithuania, Latvia and Estonia introduced duties on Belarusian fertiliser on Monday.

Turkey levied tariffs on Greek olive oil on Tuesday.

Chile barred imports of Peruvian potatoes on Wednesday.

An American F-22 shot down a Chinese balloon over Alaska on Friday.

Indonesia's president telephoned Malaysia's prime minister on Friday to congratulate him.
"""

BORDERS = """Published: 2022-06-10

Norway closed Storskog, the last crossing point on its border with Russia, on Monday.

The border closure was welcomed by Finland and Estonia on Tuesday.

Latvia closed the Terehova checkpoint on Tuesday.

Russia expelled two Norwegian diplomats on Wednesday.

Oslo called the orders "unjustified" on Thursday.

Moscow threatened unspecified countermeasures on Thursday.

Chile, Peru and Colombia endorsed the proposal on Friday.

The International Court of Justice heard Gambia's case against Myanmar on Friday.

The court ordered Myanmar to protect the Rohingya.

Protesters gathered outside the embassy in the city of protesters.
"""

PACTS = """Published: 2023-03-10

Niger has ended its military cooperation agreement with France, the junta announced on Monday.

Mali said on Tuesday it was terminating its defence accord with Denmark.

Algiers called France's ambassador to the foreign ministry on Wednesday.

Foreign ministers Sergei Lavrov and Ararat Mirzoyan spoke by telephone on Thursday.

Rabat protested to Madrid over the remarks on Friday.

Pakistan protested against India's decision on Friday.
"""

REPLIES = """Published: 2024-06-12

Mauritanian President Mohamed Oumarou arrived in Paris on Sunday.

Oumarou met Macron on Monday.

The Kremlin called the allegations absurd and groundless.

The Arab League met in Cairo on Monday.

The bloc's foreign ministers expressed solidarity with Qatar.

NATO said it stood in full solidarity with Estonia.

Hungary offered its solidarity to Serbia.

The shelling prompted Armenia to recall its ambassador from Baku.
"""

# the article's two states are Serbia and Kosovo; the sentence's own two are others
PAIRS = """Published: 2024-06-12

Serbia accused Kosovo of provocations on Monday. Kosovo rejected the charge.

Erdogan welcomed Aliyev in Ankara on Tuesday, and the two leaders held talks.
"""

# "it" before the subject it speaks of; an armed group's alliance is no organisation named before
CATAPHORA = """Published: 2024-06-12

The African Union met in Addis Ababa on Monday.

When it expelled Ethiopia's ambassador on Tuesday, Somalia also closed the consulates.

Fighters of the rebel alliance attacked Somali army positions on Wednesday.
"""

VERDICTS = """Published: 2024-06-12

Lithuania expelled two Belarusian diplomats on Monday.

Latvia recalled its ambassador from Minsk on Tuesday.

Minsk said the expulsions were unjustified.
"""

# headlines in the present, whose verb the parser reads as a noun after the name
SUSPENDS = """Morocco suspends contacts with German embassy
Published: 2021-03-02

RABAT, March 2 (Reuters) - Morocco told its ministries on Monday to stop dealing with the German embassy in Rabat.
"""

EXPELS = """Gabon expels Cameroonian envoy, suspends flights to Yaounde
Published: 2021-03-02

Gabon said on Monday it had no choice.
"""

DENIES = """Tunisia denies role in Libya clashes
Published: 2021-03-02

Tunisia said on Monday it had no part in the fighting.
"""

# who the Taliban are depends on the day: Afghanistan's government since August 2021
TALIBAN_2024 = """ date 2024-05-08

The Taliban accused Pakistan of sheltering militants.
"""

TALIBAN_2015 = """ date 2015-05-08

The Taliban accused Pakistan of sheltering militants.
"""


# a demand, a refusal and sanctions whose other party the sentence leaves implicit; titles in lower case
FRICTIONS = """Published: 2025-03-14

Peru and Bolivia have been at odds over a border bridge since January.

Peru's foreign minister demanded a formal apology on Monday.

Bolivia refused to apologise.

Lima asked La Paz to hand over the suspects, but Bolivia refused.

Peru ordered 20 percent tariffs on Bolivian goods on Tuesday.

La Paz retaliated with tariffs on Wednesday.

Peru's foreign ministry suspended visa processing at its consulate in La Paz.

Bolivia brought its citizens home without breaking off relations.

Bolivian ambassador Jaime Quispe accused Peru of bad faith.

The Peruvian president on Thursday called the measures "disproportionate".

Peruvian President Dina Boluarte on Thursday insulted the Bolivian president.

Peru and Bolivia are due to meet in Geneva next week.

Bolivia slammed the door on Peru on Friday.

The Bolivian ambassador was called to the Torre Tagle palace on Saturday.
"""

# a family name first: "Ri Song Chol" is "Ri" later
FAMILY_NAMES = """Published: 2025-03-14

Seoul expelled North Korea's envoy, Ri Song Chol, on Monday.

Ri accused South Korea of fabricating evidence.
"""

ARTICLES = {"rules": RULES, "mediation": MEDIATION, "directions": DIRECTIONS, "rupture": RUPTURE, "venue": VENUE,
            "rift": RIFT, "standoff": STANDOFF, "maghreb": MAGHREB, "recalls": RECALLS,
            "escalation": ESCALATION, "quartet": QUARTET, "barbs": BARBS, "envoys": ENVOYS, "headline": HEADLINE, "voice": VOICE, "appeals": APPEALS, "condemned": CONDEMNED,
            "names": NAMES, "liaison": LIAISON, "withdrawals": WITHDRAWALS,
            "taliban_2024": TALIBAN_2024, "taliban_2015": TALIBAN_2015,
            "lists": LISTS, "gatherings": GATHERINGS, "spokesperson": SPOKESPERSON,
            "topics": TOPICS, "censures": CENSURES, "offers": OFFERS, "neighbours": NEIGHBOURS,
            "responses": RESPONSES, "aims": AIMS, "signing": SIGNING,
            "truce": TRUCE, "references": REFERENCES, "trade": TRADE, "borders": BORDERS, "pacts": PACTS,
            "replies": REPLIES, "pairs": PAIRS, "verdicts": VERDICTS, "suspends": SUSPENDS,
            "denies": DENIES, "expels": EXPELS, "cataphora": CATAPHORA, "frictions": FRICTIONS,
            "family_names": FAMILY_NAMES}


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rules")
    for article, text in ARTICLES.items():
        (folder / f"{article}.txt").write_text(text, encoding="utf-8")
    extraction = extract_tables(folder)
    assert extraction.errors == []
    return extraction.tables


def sentence_id(tables, article, words):
    sentences = tables["sentences"]
    found = sentences[(sentences["article_id"] == article) & sentences["text"].str.contains(words, regex=False)]
    assert len(found) == 1, f"'{words}' is in {len(found)} sentences"
    return found["sentence_id"].iloc[0]


def coded(tables, words, article="rules"):
    events = tables["events"]
    top = dict(zip(tables["actors"]["actor_id"], tables["actors"]["parent"]))

    def roll(actor):
        while top.get(actor):
            actor = top[actor]
        return actor
    rows = events[(events["article_id"] == article) & (events["sentence_id"] == sentence_id(tables, article, words))]
    return sorted({(roll(s), roll(t) if t else "", c) for s, t, c in
                   zip(rows["source_actor"], rows["target_actor"], rows["cameo_code"])})


def event(tables, words, article="rules"):
    events = tables["events"]
    return events[(events["article_id"] == article) &
                  (events["sentence_id"] == sentence_id(tables, article, words))].iloc[0]


def test_reported_speech_is_the_actor_s_act_attributed_to_the_speaker(tables):
    assert coded(tables, "had shelled Armenian border posts") == [("AZE", "ARM", "194")]
    strike = event(tables, "had shelled Armenian border posts")
    assert strike["attributed_to"] == "ARM"
    assert (strike["date"], strike["date_basis"]) == ("2024-05-07", "relative")


@pytest.mark.parametrize("words", ["did not recall its ambassador", "could close the Strait",
                                   "If talks fail"])
def test_negated_hypothetical_and_conditional_acts_are_not_coded(tables, words):
    assert coded(tables, words) == []


def test_an_announced_future_act_is_a_threat(tables):
    # "will recall its ambassador": reduce relations, threatened (1313)
    assert coded(tables, "Kenya will recall") == [("KEN", "SOM", "1313")]


def test_a_decision_is_the_act_itself(tables):
    assert coded(tables, "decided to expel") == [("GHA", "NGA", "174")]


def test_a_commitment_of_two_parties_is_their_intent_toward_each_other(tables):
    assert coded(tables, "agreed to de-escalate") == [("ERI", "ETH", "0356"), ("ETH", "ERI", "0356")]


def test_an_alleged_act_is_coded_as_the_allegation_only(tables):
    assert coded(tables, "Egypt condemned Israel") == [("EGY", "ISR", "111")]


def test_a_threat_takes_the_threat_code_of_the_act(tables):
    assert coded(tables, "threatened to impose sanctions") == [("RUS", "MDA", "1312")]


def test_an_appeal_is_made_to_each_addressee(tables):
    assert coded(tables, "urged Sudan and Chad") == [("UN", "SDN", "0256"), ("UN", "TCD", "0256")]


def test_must_in_reported_speech_is_the_speaker_s_demand(tables):
    # releasing persons is 084; demanding it, 1053
    assert coded(tables, "must release the detained sailors") == [("IRN", "IRQ", "1053")]


def test_a_rejected_mediation_offer(tables):
    assert coded(tables, "rejected Brazil's mediation offer") == [("VEN", "BRA", "126")]


def test_a_passive_makes_the_agent_the_source(tables):
    assert coded(tables, "were expelled by Hungary") == [("HUN", "UKR", "174")]


def test_a_relative_clause_takes_its_antecedent_as_subject(tables):
    assert ("JPN", "CHN", "114") in coded(tables, "which summoned China's ambassador")


def test_each_other_makes_two_rows(tables):
    assert coded(tables, "accused each other") == [("KHM", "THA", "112"), ("THA", "KHM", "112")]


def test_a_nominal_trigger_takes_its_possessor_as_source(tables):
    assert coded(tables, "Israel's air strikes") == [("ISR", "HEZBOLLAH", "195")]


def test_a_support_verb_gives_the_noun_its_subject(tables):
    assert coded(tables, "launched a drone attack") == [("UKR", "RUS", "195")]


def test_coordinated_predicates_share_their_subject(tables):
    assert coded(tables, "closed its airspace") == [("DZA", "MAR", "161"), ("DZA", "MAR", "191")]


def test_a_denial_is_coded_as_such_without_a_target(tables):
    assert coded(tables, "denied carrying out the attack") == [("HEZBOLLAH", "", "016")]


def test_an_offer_to_mediate_between_two_parties(tables):
    assert coded(tables, "offered to mediate", "mediation") == [("QAT", "HAMAS", "039"), ("QAT", "ISR", "039")]


def test_should_in_reported_speech_is_the_speaker_s_appeal(tables):
    assert coded(tables, "should show restraint", "mediation") == [("FRA", "ISR", "0256"), ("FRA", "LBN", "0256")]


def test_an_apposition_names_the_unknown_speaker_s_state(tables):
    assert coded(tables, "Ararat Mirzoyan", "mediation") == [("ARM", "TUR", "040"), ("TUR", "ARM", "040")]


def test_a_refusal_takes_the_reject_code_of_the_act(tables):
    # hosting talks is consultation (043); refusing to is rejecting a meeting (125), toward whom
    # the talks were with (a refusal of no one named is not coded: see "rejected the proposal")
    assert coded(tables, "refused to host", "mediation") == [("EGY", "HAMAS", "125")]


def test_claims_attributed_to_police_and_hospital_staff_are_not_the_outlet_s_own(tables):
    claims = tables["claims"]
    claims = claims[claims["article_id"] == "mediation"].set_index("sentence_id")
    police = claims.loc[sentence_id(tables, "mediation", "according to local police")]
    assert (police["kind"], police["value_min"], police["value_max"], police["qualifier"]) == ("killed", "12", "", "at least")
    # local police in Goma are the Democratic Republic of the Congo's
    assert (police["claimant"], police["claimant_text"]) == ("COD", "local police")
    hospital = claims.loc[sentence_id(tables, "mediation", "hospital staff said")]
    assert (hospital["kind"], hospital["value_min"], hospital["qualifier"]) == ("injured", "12", "dozens")
    assert (hospital["claimant"], hospital["claimant_text"]) == ("COD", "hospital staff")


def test_a_figure_in_the_outlet_s_own_voice_has_no_claimant(tables):
    claims = tables["claims"]
    rules = claims[claims["article_id"] == "rules"]
    three = rules[rules["sentence_id"] == sentence_id(tables, "rules", "Israel's air strikes")].iloc[0]
    assert (three["value_min"], three["claimant"], three["claimant_text"]) == ("3", "", "")


def test_a_call_and_a_signing_are_acts_of_both_parties(tables):
    # CODING.md: a telephone call, a meeting, a signing: one row per direction
    assert coded(tables, "spoke by telephone", "directions") == [("ECU", "PER", "041"), ("PER", "ECU", "041")]
    assert coded(tables, "signed a border agreement", "directions") == [("BOL", "CHL", "057"), ("CHL", "BOL", "057")]


def test_a_passive_whose_subject_is_the_weapon_takes_its_target_from_the_oblique(tables):
    assert coded(tables, "were fired by Hezbollah", "directions") == [("HEZBOLLAH", "ISR", "180")]


def test_an_order_to_leave_and_the_accusation_that_comes_with_it(tables):
    # the parse reads "to leave" as the envoy's and "accusing" as leaving's: both are Mali's acts
    assert coded(tables, "accusing Paris", "directions") == [("MLI", "FRA", "112"), ("MLI", "FRA", "174")]


def test_calling_on_a_party_is_an_appeal_to_it(tables):
    assert coded(tables, "called on Gambia", "directions") == [("SEN", "GMB", "020")]


def test_thanking_is_praise(tables):
    assert coded(tables, "thanked Canada", "directions") == [("MEX", "CAN", "051")]


@pytest.mark.parametrize("written, read", [("on", "on"), ('"on"', "on"), ("off", "off"), ("upon", "upon")])
def test_an_unquoted_on_in_the_patterns_file_is_the_preposition(tmp_path, written, read):
    # YAML 1.1 reads a bare `on` as true: the pattern meant the preposition
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("processed", "geonames", "phoenix", "gold"))
    patterns = data / "event_patterns.yaml"
    patterns.write_text(patterns.read_text(encoding="utf-8").replace(
        "  - id: call_on\n", f"  - id: test_on\n    code: null\n    lemmas: [lean]\n    patterns:\n"
        f"      - {{code: \"020\", preposition: {written}}}\n  - id: call_on\n"), encoding="utf-8")
    book = load_pattern_book(data)
    entry = next(entry for entries in book.verbs.values() for _, entry in entries if entry.id == "test_on")
    assert [pattern.preposition for pattern in entry.patterns] == [read]


def test_a_misspelt_grammar_key_stops_the_patterns_file_naming_it(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("processed", "geonames", "phoenix", "gold"))
    patterns = data / "event_patterns.yaml"
    patterns.write_text(patterns.read_text(encoding="utf-8").replace("  withdrawal: [", "  withdrawl: ["),
                        encoding="utf-8")
    with pytest.raises(PatternError, match=r"event_patterns\.yaml: grammar: unknown key\(s\) withdrawl;"):
        load_pattern_book(data)


def test_an_unknown_official_s_state_comes_from_the_title_s_owner_or_the_place_the_clause_opens_with(tables):
    assert coded(tables, "Jane Wambui", "directions") == [("KEN", "SOM", "0256")]
    # with neither, whose spokesman it is stays unknown: no guess from the states the sentence names
    assert coded(tables, "Tom Otieno", "directions") == []


def test_where_two_parties_will_meet_is_not_whom_they_meet(tables):
    assert coded(tables, "will meet again in Brazil", "directions") == [("PRY", "URY", "036"), ("URY", "PRY", "036")]


def test_a_rupture_with_no_one_named_is_toward_the_other_state_of_the_story(tables):
    # the tagger reads "Guinea cut" as a compound noun; the name before it is still its subject
    assert coded(tables, "cut diplomatic ties", "rupture") == [("GIN", "LBR", "161")]


def test_each_side_and_the_other_are_the_two_states_of_the_story(tables):
    assert coded(tables, "Each side blamed", "rupture") == [("GIN", "LBR", "112"), ("LBR", "GIN", "112")]


@pytest.mark.parametrize("words", ["Fighting broke out", "Clashes between"])
def test_fighting_between_two_states_is_each_one_s_on_the_other(tables, words):
    # a gerund subject, a capitalised plural: nouns the tagger took for verbs
    assert coded(tables, words, "rupture") == [("GIN", "LBR", "190"), ("LBR", "GIN", "190")]


def test_a_mission_told_as_done_is_the_act(tables):
    assert coded(tables, "sent helicopters to bomb", "rupture") == [("LBR", "GIN", "195")]


def test_a_state_s_territory_is_where_its_adjective_says(tables):
    assert coded(tables, "deep into Liberian territory", "rupture") == [("GIN", "LBR", "195")]


@pytest.mark.parametrize("words, expected", [("to its sanctions list", [("EU", "TCD", "163")]),
                                             ("adopted restrictive measures", [("USA", "MLI", "163")]),
                                             ("two items to the agenda", [])])
def test_sanctions_told_as_a_list_or_as_measures(tables, words, expected):
    assert coded(tables, words, "directions") == expected


def test_a_figure_is_the_claimant_s_even_when_the_parse_hangs_the_owner_on_a_compound(tables):
    # "Liberia's health ministry" parsed as (Liberia's health) ministry: still Liberia's, not the
    # state where the rockets fell
    claims = tables["claims"]
    claim = claims[(claims["article_id"] == "rupture") & (claims["value_min"] == "11")].iloc[0]
    top = dict(zip(tables["actors"]["actor_id"], tables["actors"]["parent"]))
    assert (top.get(claim["claimant"]) or claim["claimant"], claim["claimant_text"]) == ("LBR", "Liberia 's health ministry")


@pytest.mark.parametrize("words, expected", [
    # a city named as where the parties met is neither a party nor a target
    ("agreed in Doha", [("SDN", "TCD", "0356"), ("TCD", "SDN", "0356")]),
    ("the Doha ceasefire took effect", []),
    # "Chadian and Sudanese troops": each adjective owns the troops
    ("troops clashed again", [("SDN", "TCD", "190"), ("TCD", "SDN", "190")]),
    # a sentence the parser reads as one noun phrase ("The Arab League [that was] appealed ...")
    ("appealed on Wednesday for calm", [("ARAB_LEAGUE", "SDN", "0256"), ("ARAB_LEAGUE", "TCD", "0256")]),
    ("called for calm between", [("KEN", "SDN", "0256"), ("KEN", "TCD", "0256")]),
    # an agentless passive recall is the act of the envoy's own state, toward the state of his post
    ("was recalled on Thursday", [("TCD", "SDN", "161")]),
    ("shut Chad's consulates", [("SDN", "TCD", "161")]),
    # the alleged interference is not told as an act
    ("accused the Chadian government", [("SDN", "TCD", "112")]),
    # a denial of one's own act, however the parser hangs the gerund
    ("denied attacking the tanker", [("HOUTHIS", "", "016")]),
    ("expressed its gratitude", [("TCD", "QAT", "051")]),
])
def test_venues_coordinated_owners_passive_recalls_and_appeals(tables, words, expected):
    assert coded(tables, words, "venue") == expected


def test_the_taliban_are_afghanistan_s_government_only_since_august_2021(tables):
    assert coded(tables, "accused Pakistan", "taliban_2024") == [("AFG", "PAK", "112")]
    assert coded(tables, "accused Pakistan", "taliban_2015") == [("TALIBAN", "PAK", "112")]


@pytest.mark.parametrize("words, expected", [
    # "joined X in condemning": the condemnation is the act of both, and "joined" is no meeting
    ("joined Colombia in condemning", [("ARG", "BOL", "111"), ("BRA", "BOL", "111"), ("COL", "BOL", "111")]),
    # a nominal act announced or ordered is the subject's act, toward where it happens
    ("announced the closure of its embassy", [("PRY", "BOL", "161")]),
    ("ordered the closure of its airspace", [("BOL", "PRY", "191")]),
    # "breaking off relations", with the particle parsed as the preposition of "relations"
    ("breaking off relations", [("URY", "BOL", "161")]),
    # a charge rejected in a relative clause is a denial, with no target
    ("a charge which Paraguay firmly rejects", [("BOL", "PRY", "112"), ("PRY", "", "016")]),
    # what a claim says is alleged, not told; dismissing it is a denial
    ("dismissed Bolivia's claim", [("PRY", "", "016")]),
    # holding a presidency is no meeting; a regional body's name is not the United States
    ("holds the rotating presidency", [("HND", "BOL", "111")]),
    # "a round of talks" is talks, of both parties
    ("held a first round of talks", [("BOL", "PRY", "040"), ("PRY", "BOL", "040")]),
])
def test_nominal_acts_relative_clauses_treaty_names_and_joined_condemnations(tables, words, expected):
    assert coded(tables, words, "rift") == expected


def test_a_city_in_a_treaty_s_name_is_no_party(tables):
    # the condemnation goes to who raided, not to Austria (at the code's family: PETRARCH reads
    # "condemned X as a violation" as an accusation of war crimes, 1124, where a reader codes 111)
    rows = coded(tables, "as a violation of the Vienna Convention", "rift")
    assert [(source, target, code[:2]) for source, target, code in rows] == [("CHL", "BOL", "11")]


def test_a_regional_body_formed_after_the_field_s_dictionaries_is_known(tables):
    actors = tables["actors"].set_index("actor_id")
    assert actors.loc[["CELAC", "AES", "CSTO"], "type"].tolist() == ["igo", "igo", "igo"]


@pytest.mark.parametrize("words, expected", [
    # a headline's two predicates without their "and" share the subject; "Lomé" is the dictionary's "Lome"
    ("accuses Lomé of arming", [("GHA", "TGO", "112"), ("GHA", "TGO", "191")]),
    ("on Monday accused Ghana", [("TGO", "GHA", "112")]),
    # an agentless passive summons: by the state whose ministry it is, toward the envoy's state
    ("was summoned to the foreign ministry in Lomé", [("TGO", "GHA", "114")]),
    # warning shots are a show of force, toward the other state of the story
    ("fired warning shots", [("TGO", "GHA", "150")]),
    ("thrown out each other's top diplomats", [("GHA", "TGO", "174"), ("TGO", "GHA", "174")]),
    ("struck a more measured tone", []),
    ("struck a deal", [("GHA", "TGO", "057"), ("TGO", "GHA", "057")]),
    # the officer of a body named in a compound ("the ... Commission president"), and a second
    # appeal the parser coordinates with the verb
    ("urged the two countries", [("ECOWAS", "GHA", "0256"),
                                 ("ECOWAS", "GHA", "027"),
                                 ("ECOWAS", "TGO", "0256"),
                                 ("ECOWAS", "TGO", "027")]),
    ("dismissed Togo's description", [("GHA", "", "016")]),
])
def test_headlines_summons_warning_shots_and_a_body_s_officer(tables, words, expected):
    assert coded(tables, words, "standoff") == expected


@pytest.mark.parametrize("words, expected", [
    # "the kingdom" is the last-named state that is one, not the last-named state
    ("The kingdom also recalled", [("MAR", "DZA", "161")]),
    # a summit named only as where or when another act happened is not coded
    ("on the sidelines of a summit", [("DZA", "MAR", "111")]),
    ("leaving for the African Union summit", [("DZA", "MAR", "111")]),
])
def test_a_kingdom_and_meetings_that_are_only_the_setting(tables, words, expected):
    assert coded(tables, words, "maghreb") == expected


@pytest.mark.parametrize("words, expected", [
    ("brought its ambassador home", [("CHL", "PER", "161")]),
    ("evacuated its last remaining diplomats", [("PER", "CHL", "161")]),
    # an ultimatum keeps the field's threat code; an advisory to one's own nationals is no act
    ("issued an ultimatum", [("CHL", "PER", "139")]),
    ("issued an advisory", []),
])
def test_recalls_told_as_bringing_home_or_evacuating_and_statements_issued(tables, words, expected):
    assert coded(tables, words, "recalls") == expected


@pytest.mark.parametrize("words, expected", [
    # the retaliation answers who attacked, earlier in the sentence; "a wave of" strikes are strikes
    ("answered with a wave", [("ERI", "ETH", "195"), ("ETH", "ERI", "195")]),
    # the two armies trade fire: each on the other
    ("traded fire again", [("ERI", "ETH", "193"), ("ETH", "ERI", "193")]),
    ("suspended its dialogue", [("ERI", "ETH", "164")]),
    ("return to the negotiating table", [("KEN", "ERI", "026")]),
    # denying the act itself is a denial, with no target
    ("denied any coercion", [("ERI", "", "016")]),
    # a rejection of no one named is not coded
    ("rejected the proposal", []),
    # the accusation after the comma is the subject's, not the ties'
    ("accusing Eritrea of", [("ETH", "ERI", "112"), ("ETH", "ERI", "161")]),
])
def test_retaliations_exchanges_suspended_talks_and_denials_of_an_act(tables, words, expected):
    assert coded(tables, words, "escalation") == expected


@pytest.mark.parametrize("words", ["The quartet accused Tunis", "The four countries recalled"])
def test_a_group_of_states_named_by_its_number_is_the_states_named_last(tables, words):
    code = "112" if "accused" in words else "161"
    assert coded(tables, words, "quartet") == [(state, "TUN", code) for state in ("JOR", "KWT", "MAR", "OMN")]


@pytest.mark.parametrize("words, expected", [
    # barbs traded with X: each accuses the other
    ("traded barbs", [("ISR", "TUR", "112"), ("TUR", "ISR", "112")]),
    # speaking to reporters is no meeting; calling one's own meeting is, with no one to name
    ("Speaking to reporters", []),
    ("called an emergency cabinet meeting", [("TUR", "", "040")]),
])
def test_words_traded_and_meetings_called_or_only_spoken_of(tables, words, expected):
    assert coded(tables, words, "barbs") == expected


@pytest.mark.parametrize("words, expected", [
    # the four states named last are this sentence's, not the ones of the sentence before
    ("the four countries cut ties", [(state, "TUN", code) for state in ("EGY", "KWT", "MAR", "QAT")
                                     for code in ("111", "161")]),
    # the Latin phrase the parser cannot read: an expulsion of the envoy
    ("persona non grata", [("CHL", "BOL", "174")]),
    # a state summoning its own envoy home for consultations recalls him
    ("summoned its ambassador in Lima", [("ECU", "PER", "161")]),
    # calling a state's decision hasty censures the state that took it
    ("called Chile's decision", [("BOL", "CHL", "111")]),
])
def test_envoys_declared_unwelcome_or_called_home_and_decisions_censured(tables, words, expected):
    assert coded(tables, words, "envoys") == expected


@pytest.mark.parametrize("words", ["Chile recalls its ambassador", "Chile recalled its ambassador"])
def test_a_headline_takes_the_day_the_body_gives_the_same_act(tables, words):
    events = tables["events"]
    row = events[(events["article_id"] == "headline") &
                 (events["sentence_id"] == sentence_id(tables, "headline", words))]
    assert list(zip(row["source_actor"], row["target_actor"], row["cameo_code"], row["date"])) == \
        [("CHL", "BOL", "161", "2024-05-06")]


def test_a_ministry_with_no_state_named_before_it_is_the_story_s_other_state(tables):
    assert coded(tables, "the ministry accused Canada", "voice") == [("IND", "CAN", "112")]


@pytest.mark.parametrize("words, expected", [
    ("to avoid any step", [("DEU", "GRC", "0256"), ("DEU", "TUR", "0256")]),
    ("to respect the truce", [("TUR", "GRC", "0256")]),
    ("for its part", [("RUS", "UKR", "112")]),
])
def test_appeals_to_step_back_and_subjects_the_parser_hung_elsewhere(tables, words, expected):
    assert coded(tables, words, "appeals") == expected


@pytest.mark.parametrize("words, expected", [
    ("condemned the attack on", [("ALB", "SRB", "111")]),
    ("expects Thailand", []),
    ("convened an extraordinary summit", [("AU", "", "040")]),
    # talks that could resume are not held; talks that resumed are
    ("could resume", []),
    ("resumed on Monday", [("KHM", "THA", "040"), ("THA", "KHM", "040")]),
])
def test_condemned_attacks_expectations_of_others_and_where_a_summit_is_held(tables, words, expected):
    assert coded(tables, words, "condemned") == expected


@pytest.mark.parametrize("words, expected", [
    # the surname of a person the dictionary knows, once named in full
    ("Correa accused Colombia", [("ECU", "COL", "112")]),
    # "Alvaro Uribe" for the dictionary's "Alvaro Uribe Velez"; each side of a call
    ("telephoned Correa", [("COL", "ECU", "041"), ("ECU", "COL", "041")]),
    # a person the dictionary does not know, whose title said whose he is
    ("Quispe accused Colombia", [("BOL", "COL", "112")]),
])
def test_people_are_named_by_surname_after_their_full_name(tables, words, expected):
    assert coded(tables, words, "names") == expected


@pytest.mark.parametrize("words, expected", [
    ("stormed the Danish embassy", [("IRN", "DNK", "145")]),
    ("In Oslo, demonstrators", [("NOR", "IRN", "145")]),
    ("chargé d'affaires", [("DNK", "IRN", "114")]),
    ("throws out", [("IRN", "DNK", "174")]),
    ("The statement also accused", [("DNK", "IRN", "112")]),
    ("for its part", [("NOR", "IRN", "112")]),
])
def test_crowds_documents_asides_and_french_titles(tables, words, expected):
    assert coded(tables, words, "liaison") == expected


@pytest.mark.parametrize("words, expected", [
    ("Chinese troops pulled back", [("CHN", "IND", "0874")]),
    ("soldiers fought for hours", [("CHN", "IND", "190"), ("IND", "CHN", "190")]),
    ("Australia recalled its ambassador", [("AUS", "CHN", "161")]),
    ("China denied", [("CHN", "", "016")]),
    ("requested a meeting", [("IND", "CHN", "036")]),
])
def test_withdrawals_fights_recalls_that_follow_denials_and_requested_meetings(tables, words, expected):
    assert coded(tables, words, "withdrawals") == expected


@pytest.mark.parametrize("words, expected", [
    ("Gabon accused Cameroon", [("GAB", "CMR", "112")]),
    ("cut ties with Chad", [("GAB", "TCD", "161"), ("NER", "TCD", "161")]),
    ("imposed sanctions on Chad", [("CAN", "TCD", "163"), ("EU", "TCD", "163"), ("USA", "TCD", "163")]),
    ("halted all imports from Togo", [("GHA", "TGO", "161"), ("GHA", "TGO", "163"), ("GHA", "TGO", "174")]),
    ("the launch by Chad", [("SEN", "TCD", "111")]),
    ("gave Guinea until April 30", [("ECOWAS", "GIN", "139")]),
    ("The four governments", [("BEN", "MLI", "191"), ("GHA", "MLI", "191"), ("NGA", "MLI", "191"),
                              ("TGO", "MLI", "191")]),
])
def test_headings_lists_agents_of_the_object_ultimatums_and_groups_named_by_number(tables, words, expected):
    assert coded(tables, words, "lists") == expected


def test_a_timestamp_heading_is_a_sentence_of_its_own_and_a_deadline_no_date(tables):
    sentences = tables["sentences"]
    assert "07:30 What we know so far" in sentences.loc[sentences["article_id"] == "lists", "text"].tolist()
    assert event(tables, "gave Guinea until April 30", "lists")["date"] != "2019-04-30"


@pytest.mark.parametrize("words, expected", [
    ("protesters gathered outside", [("GRC", "TUR", "141")]),
    ("led a delegation to Accra", [("NGA", "GHA", "042")]),
    ("his Ugandan counterpart", [("KEN", "UGA", "041"), ("UGA", "KEN", "041")]),
    ("National Security Council accused Niger", [("NGA", "NER", "112")]),
    ("shuttled between Athens and Ankara", [("DEU", "GRC", "045"), ("DEU", "TUR", "045")]),
    ("affirmed its condemnation", [("ARAB_LEAGUE", "ISR", "111")]),
    ("diplomatic staff from Minsk", [("SWE", "BLR", "161")]),
    ("Ali Omar, a Somali army officer", [("ETH", "SOM", "195")]),
])
def test_gatherings_delegations_counterparts_councils_shuttles_and_victims(tables, words, expected):
    assert coded(tables, words, "gatherings") == expected


def test_a_ministry_spokesperson_the_dictionary_does_not_know_speaks_for_the_other_state(tables):
    assert coded(tables, "Wang Lei accused Tokyo", "spokesperson") == [("CHN", "JPN", "112")]


@pytest.mark.parametrize("words, expected", [
    ("Baku called the shelling", [("AZE", "ARM", "111")]),
    ("rallied in Baku against the Armenian offensive", []),
    ("Azerbaijan hit back", []),
    ("launched a case against Armenia", []),
    ("a request to send observers", []),
    ("bombed the group's positions", [("ISR", "HEZBOLLAH", "195")]),
])
def test_violent_nouns_told_as_topics_phrasal_verbs_purposes_and_a_group_s_positions(tables, words, expected):
    assert coded(tables, words, "topics") == expected


@pytest.mark.parametrize("words, expected", [
    ("said the expulsions were unjustified", [("RUS", "GEO", "111")]),
    ("called the move a hostile step", [("RUS", "GEO", "111")]),
    ("described the conduct of the Georgian government", [("RUS", "GEO", "111")]),
    ("any interference would be unacceptable", []),
    ("Armenia was the victim of an aggression", []),
])
def test_judgements_reported_or_named_are_censures_of_whoever_did_the_act(tables, words, expected):
    assert coded(tables, words, "censures") == expected


@pytest.mark.parametrize("words, expected", [
    ("offered its help in ending the dispute", [("KAZ", "KGZ", "039"), ("KAZ", "TJK", "039")]),
    ("Qatar recalled its ambassador", [("QAT", "BHR", "161"), ("QAT", "BHR", "174")]),
    ("ordered the expulsion of three Togolese", [("GHA", "TGO", "174")]),
    ("pulled its diplomats out of Mogadishu", [("KEN", "SOM", "161")]),
    ("A former Sudanese president", []),
    ("Pieter Vermeers called on Turkey", [("NLD", "TUR", "020")]),
    ("Vermeers also called on Turkey", [("NLD", "TUR", "0253")]),
])
def test_offers_of_help_recalls_beside_another_act_orders_and_former_office_holders(tables, words, expected):
    assert coded(tables, words, "offers") == expected


def test_an_offer_to_help_two_parties_settle_is_an_offer_to_mediate(tables):
    assert coded(tables, "offered to help the two neighbours", "neighbours") == [("TUR", "KGZ", "039"), ("TUR", "TJK", "039")]


@pytest.mark.parametrize("words, expected", [
    ("Azerbaijan vowed to respond", [("AZE", "ARM", "138")]),
    ("Bolivia said it would respond in kind", [("BOL", "PER", "130"), ("PER", "BOL", "174")]),
    ("warned that Santiago would respond", [("CHL", "ARG", "112"), ("CHL", "ARG", "130")]),
    ("would respond in kind and order Togolese", [("GHA", "TGO", "136")]),
])
def test_a_response_promised_is_a_threat_to_whoever_it_answers(tables, words, expected):
    assert coded(tables, words, "responses") == expected


@pytest.mark.parametrize("words, expected", [
    ("barred its citizens from travelling", []),
    ("agreed to refrain from escalating", [("PRY", "URY", "030"), ("URY", "PRY", "030")]),
])
def test_what_a_party_keeps_from_is_not_done(tables, words, expected):
    assert coded(tables, words, "responses") == expected


@pytest.mark.parametrize("words, expected", [
    ("Moon criticised Tokyo", [("KOR", "JPN", "111")]),
    ("who chairs the OSCE", [("FIN", "GEO", "042")]),
    ("chaired a meeting of the High Security Council", [("DZA", "", "040")]),
    ("chaired a meeting of the National Security Council", [("ECU", "", "040")]),
])
def test_family_names_first_chairing_a_body_and_a_state_s_own_security_council(tables, words, expected):
    assert coded(tables, words, "responses") == expected


@pytest.mark.parametrize("words, expected", [
    ("at Turkey's request", [("NATO", "", "040"), ("TUR", "NATO", "020")]),
    ("condemned the attacks on the Danish embassy", [("UN", "SYR", "111")]),
])
def test_who_asked_for_a_meeting_and_who_attacked_a_mission_others_condemn(tables, words, expected):
    assert coded(tables, words, "responses") == expected


@pytest.mark.parametrize("words, expected", [
    ("accusing it of supporting terrorism", [("BHR", "QAT", "112"), ("BHR", "QAT", "161"),
                                             ("EGY", "QAT", "112"), ("EGY", "QAT", "161")]),
    ("also condemned the shooting", [("EU", "IRN", "111"), ("USA", "IRN", "111")]),
    ("restrictions on exports to South Korea", [("JPN", "KOR", "163")]),
    ("called the restrictions unjust", [("KOR", "JPN", "111")]),
    ("banned imports from Nepal", [("IND", "NPL", "163")]),
    ("called the ban discriminatory", [("NPL", "IND", "111")]),
    ("asked it to extradite", [("PER", "CHL", "020"), ("PER", "CHL", "111")]),
    ("flying them to Santiago", [("CHL", "PER", "161")]),
    ("held Ankara responsible", [("IRQ", "TUR", "112")]),
    ("lodged a protest with Seoul", [("JPN", "KOR", "114")]),
])
def test_object_pronouns_trade_partners_and_judgements_of_deeds(tables, words, expected):
    assert coded(tables, words, "aims") == expected


def test_where_two_parties_sign_is_no_third_party(tables):
    assert coded(tables, "signed a declaration of principles", "signing") == [("BDI", "RWA", "057"), ("RWA", "BDI", "057")]


def test_accepting_a_truce_is_agreeing_to_de_escalate(tables):
    assert coded(tables, "accepted a 48-hour truce", "truce") == [("AFG", "PAK", "0356"), ("PAK", "AFG", "0356")]



@pytest.mark.parametrize("words, expected", [
    ("welcomed the treaty", [("EU", "KGZ", "051"), ("EU", "UZB", "051")]),
    ("praised the move", [("AUT", "HUN", "051")]),
    ("condemned the remarks", [("CHL", "BOL", "111")]),
])
def test_a_praise_or_censure_of_an_act_or_words_is_aimed_at_who_made_them(tables, words, expected):
    assert coded(tables, words, "references") == expected


@pytest.mark.parametrize("words, expected", [
    ("sent Foreign Minister Amina Wanjiru to Addis Ababa", [("KEN", "ETH", "042")]),
    ("restored diplomatic relations with Iran", [("MAR", "IRN", "050")]),
    ("denied closing the border and accused Thailand", [("LAO", "", "016"), ("LAO", "THA", "112")]),
    ("told Yerevan to withdraw its troops", [("AZE", "ARM", "1056")]),
])
def test_envoys_sent_relations_restored_an_accusation_after_a_denial_and_an_instruction(tables, words, expected):
    assert coded(tables, words, "references") == expected


@pytest.mark.parametrize("words, expected", [
    ("The Minsk Group accused Armenia", [("OSCE", "ARM", "112")]),
    ("The European Parliament condemned Belarus", [("EU", "BLR", "111")]),
    ("The Economic Community of West African States accused Guinea", [("ECOWAS", "GIN", "112")]),
    ("Islamic State Sahel Province ambushed", [("ISSP", "NER", "180")]),
    ("foreign ministry spokeswoman Li Mei accused Manila", [("CHN", "PHL", "112")]),
    ("circulated a position paper that accused Vietnam", [("CHN", "VNM", "112")]),
])
def test_bodies_known_by_several_names_and_speakers_placed_by_their_city_or_paper(tables, words, expected):
    assert coded(tables, words, "references") == expected


@pytest.mark.parametrize("words, expected", [
    ("introduced duties on Belarusian fertiliser", [("EST", "BLR", "163"), ("LTU", "BLR", "163"), ("LVA", "BLR", "163")]),
    ("levied tariffs on Greek olive oil", [("TUR", "GRC", "163")]),
    ("barred imports of Peruvian potatoes", [("CHL", "PER", "163")]),
    ("shot down a Chinese balloon", [("USA", "CHN", "190")]),
    ("telephoned Malaysia's prime minister", [("IDN", "MYS", "041"), ("MYS", "IDN", "041")]),
])
def test_trade_measures_a_shoot_down_and_a_call_whatever_it_was_for(tables, words, expected):
    assert coded(tables, words, "trade") == expected


@pytest.mark.parametrize("words, expected", [
    ("Norway closed Storskog", [("NOR", "RUS", "191")]),
    ("The border closure was welcomed", [("EST", "NOR", "051"), ("FIN", "NOR", "051")]),
    ("Latvia closed the Terehova checkpoint", [("LVA", "RUS", "191")]),
    ("Oslo called the orders", [("NOR", "RUS", "111")]),
    ("Moscow threatened unspecified countermeasures", [("RUS", "NOR", "130")]),
    ("Chile, Peru and Colombia endorsed the proposal", []),
    ("The court ordered Myanmar", [("UN", "MMR", "100")]),     # the ICJ, a UN body
])
def test_borders_closed_acts_judged_by_name_threats_endorsements_and_a_court_named_before(tables, words, expected):
    assert coded(tables, words, "borders") == expected


def test_a_crowd_in_the_place_of_a_crowd_places_nothing(tables):
    # reading where the protesters gathered asks where the protesters of the city are: once, not forever
    assert coded(tables, "Protesters gathered outside the embassy", "borders") == []


@pytest.mark.parametrize("words, expected", [
    ("Niger has ended its military cooperation agreement", [("NER", "FRA", "161")]),
    ("Mali said on Tuesday it was terminating", [("MLI", "DNK", "161")]),
    ("Algiers called France's ambassador", [("DZA", "FRA", "114")]),
    ("Foreign ministers Sergei Lavrov and Ararat Mirzoyan", [("ARM", "RUS", "041"), ("RUS", "ARM", "041")]),
    ("Rabat protested to Madrid", [("MAR", "ESP", "114")]),
    ("Pakistan protested against India's decision", [("PAK", "IND", "140")]),
])
def test_agreements_ended_envoys_called_in_names_after_a_plural_title_and_protests_to_a_state(tables, words, expected):
    assert coded(tables, words, "pacts") == expected



@pytest.mark.parametrize("words, expected", [
    # a given name the parser takes for an adjective still makes "Oumarou" a Mauritanian later
    ("Oumarou met Macron", [("FRA", "MRT", "040"), ("MRT", "FRA", "040")]),
    ("The Kremlin called the allegations", [("RUS", "", "016")]),
    ("The bloc's foreign ministers", [("ARAB_LEAGUE", "QAT", "051")]),
    ("NATO said it stood in full solidarity", [("NATO", "EST", "051")]),
    ("Hungary offered its solidarity", [("HUN", "SRB", "051")]),
    ("The shelling prompted Armenia", [("ARM", "AZE", "161")]),
])
def test_given_names_charges_called_false_the_bloc_solidarity_and_what_an_event_prompted(tables, words, expected):
    assert coded(tables, words, "replies") == expected


@pytest.mark.parametrize("article, words, expected", [
    ("pairs", "the two leaders held talks", [("AZE", "TUR", "040"), ("TUR", "AZE", "040")]),
    # the expulsions, not Latvia's recall, the last act of another party told
    ("verdicts", "Minsk said the expulsions were unjustified", [("BLR", "LTU", "111")]),
    ("suspends", "Morocco suspends contacts", [("MAR", "DEU", "161")]),
    ("denies", "Tunisia denies role", [("TUN", "", "016")]),
    ("cataphora", "When it expelled Ethiopia's ambassador", [("SOM", "ETH", "161"), ("SOM", "ETH", "174")]),
    ("cataphora", "Fighters of the rebel alliance", []),
    # the second verb after the comma is read again too
    ("expels", "Gabon expels Cameroonian envoy", [("GAB", "CMR", "163"), ("GAB", "CMR", "174")]),
])
def test_two_leaders_named_before_a_verdict_on_acts_a_pronoun_before_its_subject_and_headlines_in_the_present(
        tables, article, words, expected):
    assert coded(tables, words, article) == expected


@pytest.mark.parametrize("article, words, expected", [
    ("frictions", "demanded a formal apology", [("PER", "BOL", "100")]),
    ("frictions", "Bolivia refused to apologise", [("BOL", "PER", "120")]),
    ("frictions", "but Bolivia refused", [("BOL", "PER", "120"), ("PER", "BOL", "020")]),
    ("frictions", "Peru ordered 20 percent tariffs", [("PER", "BOL", "163")]),
    ("frictions", "La Paz retaliated with tariffs", [("BOL", "PER", "163")]),
    ("frictions", "suspended visa processing", [("PER", "BOL", "172")]),
    ("frictions", "without breaking off relations", []),
    ("frictions", "Bolivian ambassador Jaime Quispe", [("BOL", "PER", "112")]),
    ("frictions", "called the measures", [("PER", "BOL", "111")]),
    ("frictions", "insulted the Bolivian president", [("PER", "BOL", "111")]),
    ("family_names", "Ri accused", [("PRK", "KOR", "112")]),
    ("frictions", "are due to meet", [("BOL", "PER", "036"), ("PER", "BOL", "036")]),
    ("frictions", "slammed the door", []),
    ("frictions", "was called to the Torre Tagle palace", [("PER", "BOL", "114")]),
])
def test_implicit_other_parties_sanctions_refusals_titles_in_lower_case_and_family_names_first(
        tables, article, words, expected):
    assert coded(tables, words, article) == expected
