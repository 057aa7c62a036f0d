"""One or more examples of every action type the bot's buttons carry, with the data each has
always been written as (buttons already in people's chats must keep working)."""

from __future__ import annotations

from bot.features.agenda.actions import ACTIONS as AGENDA
from bot.features.agenda.actions import AgendaPage, AgendaTap, ToggleFollow
from bot.features.broadcast.actions import ACTIONS as BROADCAST
from bot.features.broadcast.actions import (
    AudienceKind,
    BroadcastTap,
    Cancel,
    ChooseAudience,
    ChooseSession,
    ChooseTheme,
    Confirm,
    DefaultLanguage,
    LanguageVersion,
    Preview,
    SessionDay,
    Versions,
)
from bot.features.browse.actions import ACTIONS as BROWSE
from bot.features.browse.actions import (
    BrowseTap,
    DayPage,
    FollowTheme,
    InterpretedPage,
    LanguagePage,
    ResultsPage,
    RoomPage,
    SpeakerPage,
    ThemePage,
)
from bot.features.exhibition.actions import ACTIONS as EXHIBITION
from bot.features.exhibition.actions import (
    ConfirmLead,
    ExhibitionTap,
    ExhibitorsPage,
    Listing,
    OpenExhibitor,
    ShareContact,
    WithdrawLead,
)
from bot.features.feedback.actions import ACTIONS as FEEDBACK
from bot.features.feedback.actions import FeedbackTap, Rate, RateDay, RateTheme
from bot.features.health.actions import ACTIONS as HEALTH
from bot.features.health.actions import HealthTap
from bot.features.language.actions import ACTIONS as LANGUAGE
from bot.features.language.actions import SetLanguage
from bot.features.matching.actions import ACTIONS as MATCHING
from bot.features.matching.actions import (
    Accept,
    CancelMeeting,
    ChooseSlot,
    Counter,
    CounterSlots,
    Decline,
    EditFacet,
    Facet,
    MatchingTap,
    OpenProfile,
    OpenRequest,
    RequestSlot,
    SendRequest,
    Suggestions,
    ToggleItem,
)
from bot.features.privacy.actions import ACTIONS as PRIVACY
from bot.features.privacy.actions import PrivacyTap
from bot.features.questions.actions import ACTIONS as QUESTIONS
from bot.features.questions.actions import (
    AskQuestion,
    CancelAsking,
    Decide,
    Decision,
    ModerateSession,
    MyQuestions,
    SignQuestion,
    VoteQuestion,
    WithdrawQuestion,
)
from bot.features.reminders.actions import ACTIONS as REMINDERS
from bot.features.reminders.actions import SetFeaturedReminders, SetLeadTime, SetReminders
from bot.features.speakers.actions import ACTIONS as SPEAKERS
from bot.features.speakers.actions import SpeakersPage
from bot.features.stats.actions import ACTIONS as STATS
from bot.features.stats.actions import StatsTap
from bot.features.survey.actions import ACTIONS as SURVEY
from bot.features.survey.actions import SendSurvey, SurveyAudience
from bot.features.venues.actions import ACTIONS as VENUES
from bot.features.venues.actions import OpenTopic, OpenVenue, VenuePin, VenuePlan, VenuesTap
from bot.ui.actions import ActionType, AnyAction, Go
from bot.ui.places import VenuePlace
from bot.ui.sessions import OpenSession, OpenSpeaker, SessionPlace, SessionQuestions

TYPES: tuple[ActionType, ...] = (
    Go,
    OpenSession,
    SessionPlace,
    SessionQuestions,
    *QUESTIONS,
    *BROWSE,
    *AGENDA,
    *REMINDERS,
    *FEEDBACK,
    *SURVEY,
    *BROADCAST,
    *STATS,
    *PRIVACY,
    *LANGUAGE,
    *VENUES,
    OpenSpeaker,
    *SPEAKERS,
    *HEALTH,
    VenuePlace,
    *EXHIBITION,
    *MATCHING,
)

EXAMPLES: dict[AnyAction, str] = {
    # plain verbs: the whole action
    Go.HOME: "home",
    Go.SCHEDULE: "sched",
    Go.DAYS: "days",
    Go.NOW: "now",
    Go.SEARCH: "search",
    Go.AGENDA: "agenda",
    Go.REMINDERS: "rem",
    Go.HELP: "help",
    Go.LANGUAGE: "lang",
    Go.SKIP_COMMENT: "skipc",
    Go.NOOP: "noop",
    Go.VENUES: "ven",
    Go.EXHIBITION: "expo",
    ExhibitionTap.THEMES: "xth",
    ExhibitionTap.AREAS: "xar",
    ExhibitorsPage(Listing.ALL, 0, 1): "xl:0:0:1",
    ExhibitorsPage(Listing.THEME, 2, 0): "xl:1:2:0",
    OpenExhibitor(4): "x:4",
    OpenExhibitor(4, ExhibitorsPage(Listing.AREA, 1, 0)): "x:4:xl:2:1:0",
    OpenExhibitor(10, Go.HOME): "x:10:home",
    VenuePlace(0): "va:0",
    ExhibitionTap.CANCEL_LEAD: "xcn",
    ShareContact(3): "xs:3:0",
    ShareContact(3, retype=True): "xs:3:1",
    ConfirmLead(3): "xc:3",
    WithdrawLead(19): "xw:19",
    VenuesTap.TRANSPORT: "bus",
    VenuesTap.TOPICS: "info",
    AgendaTap.CALENDAR: "ics",
    FeedbackTap.PICKER: "fb",
    BroadcastTap.START: "bc",
    StatsTap.SHOW: "stats",
    HealthTap.SHOW: "hl",
    PrivacyTap.SHOW: "priv",
    PrivacyTap.FORGET: "forget",
    PrivacyTap.FORGET_CONFIRM: "forgety",
    # sessions, and the lists a card comes back to
    OpenSession("AIGOV"): "s:AIGOV",
    OpenSession("AIGOV", ThemePage(2, 1)): "s:AIGOV:t:2:1",
    OpenSession("42", Go.NOW): "s:42:now",
    OpenSession("NB5G", DayPage(0, 3)): "s:NB5G:d:0:3",
    OpenSession("NB5G", ResultsPage(2)): "s:NB5G:q:2",
    SessionPlace("AIGOV"): "sv:AIGOV",
    VenuePlan(1): "Vp:1",
    # venues
    OpenVenue(1): "V:1",
    VenuePin(0): "Vm:0",
    OpenTopic(2): "Vt:2",
    # speakers
    OpenSpeaker(3): "p:3:0",
    OpenSpeaker(12, 2): "p:12:2",
    SpeakersPage(1): "P:1",
    # the programme by language
    BrowseTap.LANGUAGES: "langs",
    LanguagePage(1): "g:1:0",
    LanguagePage(0, 2): "g:0:2",
    InterpretedPage(1): "gi:1:0",
    InterpretedPage(0, 3): "gi:0:3",
    ThemePage(3, 2): "t:3:2",
    ThemePage(3): "t:3:0",
    FollowTheme(2, 1): "T:2:1",
    DayPage(1): "d:1:0",
    ResultsPage(4): "q:4",
    SpeakerPage(3, 1): "w:3:1",
    RoomPage(0): "r:0:0",
    OpenSession("43", SpeakerPage(2)): "s:43:w:2:0",
    AgendaPage(3): "A:3",
    ToggleFollow("AIGOV"): "F:AIGOV",
    ToggleFollow("AIGOV", AgendaPage(1)): "F:AIGOV:A:1",
    ToggleFollow("OPEN", Go.HOME): "F:OPEN:home",
    # settings
    SetLanguage("vi"): "L:vi",
    SetLanguage("fr"): "L:fr",
    SetLeadTime(10): "Rl:10",
    SetLeadTime(60): "Rl:60",
    SetReminders(on=False): "Re:0",
    SetReminders(on=True): "Re:1",
    SetFeaturedReminders(on=True): "Rf:1",
    SetFeaturedReminders(on=False): "Rf:0",
    # feedback
    RateDay(1): "fbd:1:0",
    RateTheme(2, 3): "fbt:2:3",
    Rate("OPEN"): "fs:OPEN",
    # organizers
    SendSurvey(SurveyAudience.EVERYONE): "svy:0",
    SendSurvey(SurveyAudience.FRENCH): "svy:3",
    **{ChooseAudience(kind): f"bca:{int(kind)}" for kind in AudienceKind},
    SessionDay(1): "bcd:1:0",
    SessionDay(2, 4): "bcd:2:4",
    ChooseSession("AIGOV"): "bcs:AIGOV",
    ChooseTheme(0): "bct:0",
    Versions(12): "bcv:12",
    LanguageVersion(12, 2): "bcw:12:2",
    DefaultLanguage(12, 0): "bcf:12:0",
    Preview(12): "bcp:12",
    Confirm(12): "bcy:12",
    Cancel(12): "bcn:12",
    # questions to the panel
    SessionQuestions("AIGOV"): "sq:AIGOV:0",
    SessionQuestions("AIGOV", 2): "sq:AIGOV:2",
    AskQuestion("AIGOV"): "Qk:AIGOV",
    VoteQuestion(123456, 1): "Qv:123456:1",
    WithdrawQuestion(7): "Qw:7",
    SignQuestion(99999999): "Qs:99999999",
    MyQuestions("AIGOV"): "Qm:AIGOV",
    CancelAsking("AIGOV"): "Qx:AIGOV",
    ModerateSession("AIGOV"): "Qd:AIGOV",
    Decide(42, Decision.APPROVE): "Qy:42:1",
    Decide(42, Decision.REJECT): "Qy:42:2",
    # business matching (profiles and requests by row id, slots in minutes since 1970)
    MatchingTap.HOME: "mh",
    MatchingTap.DETAILS: "mhd",
    MatchingTap.ABOUT: "mha",
    MatchingTap.OPT_IN: "mhi",
    MatchingTap.OPT_OUT: "mho",
    MatchingTap.MINE: "mhm",
    EditFacet(Facet.THEMES): "Mf:1",
    ToggleItem(Facet.SEEKING, 4): "Mt:3:4",
    Suggestions(): "Ms:0",
    Suggestions(3): "Ms:3",
    OpenProfile(17, 2): "Mp:17:2",
    ChooseSlot(17): "Mc:17:0",
    RequestSlot(17, 29353290): "Mq:17:29353290",
    SendRequest(17, 29353290): "Mk:17:29353290",
    OpenRequest(5): "Mr:5",
    Accept(5): "Ma:5",
    Decline(5): "Md:5",
    CounterSlots(5, 1): "Mo:5:1",
    Counter(5, 29353310): "Mn:5:29353310",
    CancelMeeting(5): "Mx:5",
}
