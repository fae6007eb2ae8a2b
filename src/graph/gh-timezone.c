/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-timezone"

#include "config.h"

#include <string.h>

#include "gh-timezone.h"
#include "gh-timezone-private.h"

/* Meta's list of time zone ids (Marketing API reference, "Timezone IDs"), indexed by id.
 * Meta spells each as TZ_<AREA>_<CITY>; these are the matching tz database names, checked
 * against tzdata.  Id 0 is TZ_UNKNOWN. */
static const char * const iana_names[] = {
  /*   0 */ NULL, "America/Los_Angeles", "America/Denver", "Pacific/Honolulu",
  /*   4 */ "America/Anchorage", "America/Phoenix", "America/Chicago", "America/New_York",
  /*   8 */ "Asia/Dubai", "America/Argentina/San_Luis", "America/Argentina/Buenos_Aires",
  /*  11 */ "America/Argentina/Salta", "Europe/Vienna", "Australia/Perth",
  /*  14 */ "Australia/Broken_Hill", "Australia/Sydney", "Europe/Sarajevo", "Asia/Dhaka",
  /*  18 */ "Europe/Brussels", "Europe/Sofia", "Asia/Bahrain", "America/La_Paz",
  /*  22 */ "America/Noronha", "America/Campo_Grande", "America/Belem", "America/Sao_Paulo",
  /*  26 */ "America/Nassau", "America/Dawson", "America/Vancouver", "America/Dawson_Creek",
  /*  30 */ "America/Edmonton", "America/Rainy_River", "America/Regina", "America/Atikokan",
  /*  34 */ "America/Iqaluit", "America/Toronto", "America/Blanc-Sablon", "America/Halifax",
  /*  38 */ "America/St_Johns", "Europe/Zurich", "Pacific/Easter", "America/Santiago",
  /*  42 */ "Asia/Shanghai", "America/Bogota", "America/Costa_Rica", "Asia/Nicosia",
  /*  46 */ "Europe/Prague", "Europe/Berlin", "Europe/Copenhagen", "America/Santo_Domingo",
  /*  50 */ "Pacific/Galapagos", "America/Guayaquil", "Europe/Tallinn", "Africa/Cairo",
  /*  54 */ "Atlantic/Canary", "Europe/Madrid", "Europe/Helsinki", "Europe/Paris",
  /*  58 */ "Europe/London", "Africa/Accra", "Europe/Athens", "America/Guatemala",
  /*  62 */ "Asia/Hong_Kong", "America/Tegucigalpa", "Europe/Zagreb", "Europe/Budapest",
  /*  66 */ "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Europe/Dublin", "Asia/Jerusalem",
  /*  71 */ "Asia/Kolkata", "Asia/Baghdad", "Atlantic/Reykjavik", "Europe/Rome",
  /*  75 */ "America/Jamaica", "Asia/Amman", "Asia/Tokyo", "Africa/Nairobi", "Asia/Seoul",
  /*  80 */ "Asia/Kuwait", "Asia/Beirut", "Asia/Colombo", "Europe/Vilnius", "Europe/Luxembourg",
  /*  85 */ "Europe/Riga", "Africa/Casablanca", "Europe/Skopje", "Europe/Malta",
  /*  89 */ "Indian/Mauritius", "Indian/Maldives", "America/Tijuana", "America/Hermosillo",
  /*  93 */ "America/Mazatlan", "America/Mexico_City", "Asia/Kuala_Lumpur", "Africa/Lagos",
  /*  97 */ "America/Managua", "Europe/Amsterdam", "Europe/Oslo", "Pacific/Auckland",
  /* 101 */ "Asia/Muscat", "America/Panama", "America/Lima", "Asia/Manila", "Asia/Karachi",
  /* 106 */ "Europe/Warsaw", "America/Puerto_Rico", "Asia/Gaza", "Atlantic/Azores",
  /* 110 */ "Europe/Lisbon", "America/Asuncion", "Asia/Qatar", "Europe/Bucharest",
  /* 114 */ "Europe/Belgrade", "Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara",
  /* 118 */ "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk",
  /* 123 */ "Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka", "Asia/Riyadh",
  /* 127 */ "Europe/Stockholm", "Asia/Singapore", "Europe/Ljubljana", "Europe/Bratislava",
  /* 131 */ "America/El_Salvador", "Asia/Bangkok", "Africa/Tunis", "Europe/Istanbul",
  /* 135 */ "America/Port_of_Spain", "Asia/Taipei", "Europe/Kiev", "America/Montevideo",
  /* 139 */ "America/Caracas", "Asia/Ho_Chi_Minh", "Africa/Johannesburg", "America/Winnipeg",
  /* 143 */ "America/Detroit", "Australia/Melbourne", "Asia/Kathmandu", "Asia/Baku",
  /* 147 */ "Africa/Abidjan", "Africa/Addis_Ababa", "Africa/Algiers", "Africa/Asmara",
  /* 151 */ "Africa/Bamako", "Africa/Bangui", "Africa/Banjul", "Africa/Bissau", "Africa/Blantyre",
  /* 156 */ "Africa/Brazzaville", "Africa/Bujumbura", "Africa/Ceuta", "Africa/Conakry",
  /* 160 */ "Africa/Dakar", "Africa/Dar_es_Salaam", "Africa/Djibouti", "Africa/Douala",
  /* 164 */ "Africa/El_Aaiun", "Africa/Freetown", "Africa/Gaborone", "Africa/Harare",
  /* 168 */ "Africa/Juba", "Africa/Kampala", "Africa/Khartoum", "Africa/Kigali",
  /* 172 */ "Africa/Kinshasa", "Africa/Libreville", "Africa/Lome", "Africa/Luanda",
  /* 176 */ "Africa/Lubumbashi", "Africa/Lusaka", "Africa/Malabo", "Africa/Maputo",
  /* 180 */ "Africa/Maseru", "Africa/Mbabane", "Africa/Mogadishu", "Africa/Monrovia",
  /* 184 */ "Africa/Ndjamena", "Africa/Niamey", "Africa/Nouakchott", "Africa/Ouagadougou",
  /* 188 */ "Africa/Porto-Novo", "Africa/Sao_Tome", "Africa/Tripoli", "Africa/Windhoek",
  /* 192 */ "America/Adak", "America/Anguilla", "America/Antigua", "America/Araguaina",
  /* 196 */ "America/Argentina/Catamarca", "America/Argentina/Cordoba", "America/Argentina/Jujuy",
  /* 199 */ "America/Argentina/La_Rioja", "America/Argentina/Mendoza",
  /* 201 */ "America/Argentina/Rio_Gallegos", "America/Argentina/San_Juan",
  /* 203 */ "America/Argentina/Tucuman", "America/Argentina/Ushuaia", "America/Aruba",
  /* 206 */ "America/Bahia", "America/Bahia_Banderas", "America/Barbados", "America/Belize",
  /* 210 */ "America/Boa_Vista", "America/Boise", "America/Cambridge_Bay", "America/Cancun",
  /* 214 */ "America/Cayenne", "America/Cayman", "America/Chihuahua", "America/Creston",
  /* 218 */ "America/Cuiaba", "America/Curacao", "America/Danmarkshavn", "America/Dominica",
  /* 222 */ "America/Eirunepe", "America/Fort_Nelson", "America/Fortaleza", "America/Glace_Bay",
  /* 226 */ "America/Godthab", "America/Goose_Bay", "America/Grand_Turk", "America/Grenada",
  /* 230 */ "America/Guadeloupe", "America/Guyana", "America/Havana",
  /* 233 */ "America/Indiana/Indianapolis", "America/Indiana/Knox", "America/Indiana/Marengo",
  /* 236 */ "America/Indiana/Petersburg", "America/Indiana/Tell_City", "America/Indiana/Vevay",
  /* 239 */ "America/Indiana/Vincennes", "America/Indiana/Winamac", "America/Indianapolis",
  /* 242 */ "America/Inuvik", "America/Juneau", "America/Kentucky/Louisville",
  /* 245 */ "America/Kentucky/Monticello", "America/Kralendijk", "America/Lower_Princes",
  /* 248 */ "America/Maceio", "America/Manaus", "America/Marigot", "America/Martinique",
  /* 252 */ "America/Matamoros", "America/Menominee", "America/Merida", "America/Metlakatla",
  /* 256 */ "America/Miquelon", "America/Moncton", "America/Monterrey", "America/Montreal",
  /* 260 */ "America/Montserrat", "America/Nipigon", "America/Nome",
  /* 263 */ "America/North_Dakota/Beulah", "America/North_Dakota/Center",
  /* 265 */ "America/North_Dakota/New_Salem", "America/Ojinaga", "America/Pangnirtung",
  /* 268 */ "America/Paramaribo", "America/Port-au-Prince", "America/Porto_Velho",
  /* 271 */ "America/Punta_Arenas", "America/Rankin_Inlet", "America/Recife", "America/Resolute",
  /* 275 */ "America/Rio_Branco", "America/Santarem", "America/Scoresbysund", "America/Sitka",
  /* 279 */ "America/St_Barthelemy", "America/St_Kitts", "America/St_Lucia", "America/St_Thomas",
  /* 283 */ "America/St_Vincent", "America/Swift_Current", "America/Thule", "America/Thunder_Bay",
  /* 287 */ "America/Tortola", "America/Whitehorse", "America/Yakutat", "America/Yellowknife",
  /* 291 */ "Antarctica/Casey", "Antarctica/Davis", "Antarctica/DumontDUrville",
  /* 294 */ "Antarctica/Macquarie", "Antarctica/Mawson", "Antarctica/McMurdo",
  /* 297 */ "Antarctica/Palmer", "Antarctica/Rothera", "Antarctica/Syowa", "Antarctica/Troll",
  /* 301 */ "Antarctica/Vostok", "Arctic/Longyearbyen", "Asia/Aden", "Asia/Almaty", "Asia/Anadyr",
  /* 306 */ "Asia/Aqtau", "Asia/Aqtobe", "Asia/Ashgabat", "Asia/Atyrau", "Asia/Barnaul",
  /* 311 */ "Asia/Bishkek", "Asia/Brunei", "Asia/Chita", "Asia/Choibalsan", "Asia/Damascus",
  /* 316 */ "Asia/Dili", "Asia/Dushanbe", "Asia/Famagusta", "Asia/Hebron", "Asia/Hovd",
  /* 321 */ "Asia/Istanbul", "Asia/Kabul", "Asia/Khandyga", "Asia/Kuching", "Asia/Macau",
  /* 326 */ "Asia/Novokuznetsk", "Asia/Novosibirsk", "Asia/Oral", "Asia/Phnom_Penh",
  /* 330 */ "Asia/Pontianak", "Asia/Pyongyang", "Asia/Qostanay", "Asia/Qyzylorda",
  /* 334 */ "Asia/Sakhalin", "Asia/Samarkand", "Asia/Srednekolymsk", "Asia/Tashkent",
  /* 338 */ "Asia/Tbilisi", "Asia/Tehran", "Asia/Thimphu", "Asia/Tomsk", "Asia/Ulaanbaatar",
  /* 343 */ "Asia/Urumqi", "Asia/Ust-Nera", "Asia/Vientiane", "Asia/Yangon", "Asia/Yerevan",
  /* 348 */ "Atlantic/Bermuda", "Atlantic/Cape_Verde", "Atlantic/Faroe", "Atlantic/Madeira",
  /* 352 */ "Atlantic/South_Georgia", "Atlantic/St_Helena", "Atlantic/Stanley",
  /* 355 */ "Australia/Adelaide", "Australia/Brisbane", "Australia/Currie", "Australia/Darwin",
  /* 359 */ "Australia/Eucla", "Australia/Hobart", "Australia/Lindeman", "Australia/Lord_Howe",
  /* 363 */ "CET", "CST6CDT", "EET", "EST", "EST5EDT", "Etc/GMT", "Etc/GMT+0", "Etc/GMT+1",
  /* 371 */ "Etc/GMT+10", "Etc/GMT+11", "Etc/GMT+12", "Etc/GMT+2", "Etc/GMT+3", "Etc/GMT+4",
  /* 377 */ "Etc/GMT+5", "Etc/GMT+6", "Etc/GMT+7", "Etc/GMT+8", "Etc/GMT+9", "Etc/GMT-0",
  /* 383 */ "Etc/GMT-1", "Etc/GMT-10", "Etc/GMT-11", "Etc/GMT-12", "Etc/GMT-13", "Etc/GMT-14",
  /* 389 */ "Etc/GMT-2", "Etc/GMT-3", "Etc/GMT-4", "Etc/GMT-5", "Etc/GMT-6", "Etc/GMT-7",
  /* 395 */ "Etc/GMT-8", "Etc/GMT-9", "Etc/GMT0", "Etc/Greenwich", "Etc/Universal", "Etc/Zulu",
  /* 401 */ "Europe/Andorra", "Europe/Astrakhan", "Europe/Busingen", "Europe/Chisinau",
  /* 405 */ "Europe/Gibraltar", "Europe/Guernsey", "Europe/Isle_of_Man", "Europe/Jersey",
  /* 409 */ "Europe/Kirov", "Europe/Mariehamn", "Europe/Minsk", "Europe/Monaco", "Europe/Nicosia",
  /* 414 */ "Europe/Podgorica", "Europe/San_Marino", "Europe/Saratov", "Europe/Simferopol",
  /* 418 */ "Europe/Tirane", "Europe/Ulyanovsk", "Europe/Uzhgorod", "Europe/Vaduz",
  /* 422 */ "Europe/Vatican", "Europe/Volgograd", "Europe/Zaporozhye", "GMT", "HST",
  /* 427 */ "Indian/Antananarivo", "Indian/Chagos", "Indian/Christmas", "Indian/Cocos",
  /* 431 */ "Indian/Comoro", "Indian/Kerguelen", "Indian/Mahe", "Indian/Mayotte",
  /* 435 */ "Indian/Reunion", "MET", "MST", "MST7MDT", "PST8PDT", "Pacific/Apia",
  /* 441 */ "Pacific/Bougainville", "Pacific/Chatham", "Pacific/Chuuk", "Pacific/Efate",
  /* 445 */ "Pacific/Enderbury", "Pacific/Fakaofo", "Pacific/Fiji", "Pacific/Funafuti",
  /* 449 */ "Pacific/Gambier", "Pacific/Guadalcanal", "Pacific/Guam", "Pacific/Kiritimati",
  /* 453 */ "Pacific/Kosrae", "Pacific/Kwajalein", "Pacific/Majuro", "Pacific/Marquesas",
  /* 457 */ "Pacific/Midway", "Pacific/Nauru", "Pacific/Niue", "Pacific/Norfolk",
  /* 461 */ "Pacific/Noumea", "Pacific/Pago_Pago", "Pacific/Palau", "Pacific/Pitcairn",
  /* 465 */ "Pacific/Pohnpei", "Pacific/Port_Moresby", "Pacific/Rarotonga", "Pacific/Saipan",
  /* 469 */ "Pacific/Tahiti", "Pacific/Tarawa", "Pacific/Tongatapu", "Pacific/Wake",
  /* 473 */ "Pacific/Wallis", "UTC", "WET",
};

const char *
_gh_timezone_get_iana_name (const char *meta_id)
{
  guint64 id;

  if (meta_id == NULL)
    return NULL;

  /* Sent as a string of digits ("1") or, by older versions, as a number: both end up here
   * as text.  Anything else is not one of Meta's ids. */
  if (!g_ascii_string_to_unsigned (meta_id, 10, 0, G_N_ELEMENTS (iana_names) - 1, &id, NULL))
    return NULL;

  return iana_names[id];
}

char *
gh_timezone_dup_label (const char *meta_id)
{
  const char *iana = _gh_timezone_get_iana_name (meta_id);
  g_autofree char *city = NULL;
  const char *slash;

  if (meta_id == NULL)
    return NULL;
  if (iana == NULL)
    return g_strdup (meta_id);

  /* "CET", "UTC", "Etc/GMT+3": no city to name, and Etc's signs read backwards. */
  slash = strrchr (iana, '/');
  if (slash == NULL || g_str_has_prefix (iana, "Etc/"))
    return g_strdup (iana);

  city = g_strdup (slash + 1);
  g_strdelimit (city, "_", ' ');

  return g_strdup_printf ("%s (%s)", city, iana);
}
