/**
 * Month names as news sites write them, lower case, in the languages the extension meets most:
 * English, French, German, Spanish, Portuguese, Italian, Dutch, the Scandinavian languages,
 * Polish, Czech, Russian, Turkish and Indonesian (full, abbreviated and declined forms).
 */
/** Index 0 is January; each month's names are separated by spaces. */
export const MONTH_NAMES: readonly string[] = [
  'january jan janvier janv januar jänner enero ene janeiro gennaio gen januari stycznia styczeń ledna leden января январь ocak',
  'february feb février fevrier févr fevr februar febrero fevereiro fev febbraio februari lutego luty února únor февраля февраль şubat subat',
  'march mar mars märz marz mär marzo março marco maart mrt marts marca marzec března březen марта март maret',
  'april apr avril avr abril abr aprile kwietnia kwiecień dubna duben апреля апрель nisan',
  'may mai mayo maio maggio mag mei maj maja května květen мая май mayıs mayis',
  'june jun juin juni junio junho giugno giu czerwca czerwiec června červen июня июнь haziran',
  'july jul juillet juil juli julio julho luglio lug lipca lipiec července červenec июля июль temmuz',
  'august aug août aout agosto ago augustus augusti sierpnia sierpień srpna srpen августа август ağustos agustus',
  'september sep sept septembre septiembre setembro set settembre września wrzesień září сентября сентябрь eylül eylul',
  'october oct octobre oktober okt octubre outubro out ottobre ott października październik října říjen октября октябрь ekim',
  'november nov novembre noviembre novembro listopada listopad listopadu ноября ноябрь kasım kasim',
  'december dec décembre decembre déc dezember dez diciembre dic dezembro dicembre desember grudnia grudzień prosince prosinec декабря декабрь aralık aralik',
];
