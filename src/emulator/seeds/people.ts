/** Realistic Russian names, companies, phones and e-mails for seeds. */
import type { Rng } from './prng';

export const MALE_FIRST = [
  'Александр',
  'Дмитрий',
  'Максим',
  'Сергей',
  'Андрей',
  'Алексей',
  'Артём',
  'Илья',
  'Кирилл',
  'Михаил',
  'Никита',
  'Матвей',
  'Роман',
  'Егор',
  'Иван',
  'Павел',
  'Владимир',
  'Денис',
  'Евгений',
  'Олег',
  'Константин',
  'Тимур',
  'Виктор',
  'Георгий',
];
export const FEMALE_FIRST = [
  'Анастасия',
  'Мария',
  'Анна',
  'Виктория',
  'Екатерина',
  'Наталья',
  'Марина',
  'Полина',
  'Дарья',
  'Алина',
  'Ольга',
  'Юлия',
  'Татьяна',
  'Елена',
  'Ксения',
  'Ирина',
  'Светлана',
  'Валерия',
  'Софья',
  'Людмила',
  'Вера',
  'Кристина',
];
export const LAST = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
  'Романов',
  'Воробьёв',
  'Сергеев',
  'Кузьмин',
  'Фролов',
  'Александров',
  'Дмитриев',
  'Королёв',
  'Гусев',
  'Киселёв',
  'Ильин',
  'Максимов',
  'Поляков',
  'Сорокин',
  'Виноградов',
  'Ковалёв',
  'Белов',
  'Медведев',
  'Антонов',
  'Тарасов',
  'Жуков',
  'Баранов',
  'Филиппов',
  'Комаров',
  'Давыдов',
  'Беляев',
  'Герасимов',
  'Богданов',
  'Осипов',
  'Сидоров',
  'Матвеев',
  'Титов',
  'Марков',
  'Миронов',
  'Крылов',
  'Куликов',
];
const COMPANY_WORDS = [
  'Альфа',
  'Вектор',
  'Гранит',
  'Меридиан',
  'Спектр',
  'Интеграл',
  'Северсталь-Сервис',
  'Техноком',
  'Прогресс',
  'Стройинвест',
  'Агроресурс',
  'Лидер',
  'Импульс',
  'Горизонт',
  'Энергосбыт',
  'ПромСнаб',
  'Логистик Плюс',
  'Медтехника',
  'Инфосистемы',
  'Уралхим',
  'Сибтранс',
  'Волга-Трейд',
  'Консалт Групп',
  'Зенит',
  'Омега',
  'Атлант',
  'Кварц',
  'Эталон',
  'Ресурс',
  'Пульс',
];
const FORMS = ['ООО', 'АО', 'ИП', 'ООО', 'ООО', 'ЗАО'];
const DOMAINS = ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'inbox.ru', 'list.ru', 'rambler.ru'];
const OPERATORS = [
  '912',
  '915',
  '916',
  '917',
  '921',
  '925',
  '926',
  '903',
  '905',
  '909',
  '961',
  '977',
  '985',
  '999',
  '951',
  '953',
];

/** A person's parts and display name. */
export interface Person {
  first: string;
  last: string;
  name: string;
  female: boolean;
}

/** Feminine form of a Russian surname. */
export function feminine(last: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(last)) return `${last}а`;
  if (/ский$/.test(last)) return last.replace(/ский$/, 'ская');
  return last;
}

/** A random person. */
export function person(rng: Rng): Person {
  const female = rng.chance(0.5);
  const first = rng.pick(female ? FEMALE_FIRST : MALE_FIRST);
  const last = female ? feminine(rng.pick(LAST)) : rng.pick(LAST);
  return { first, last, name: `${first} ${last}`, female };
}

const TR: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Latin transliteration for e-mail local parts. */
export function translit(s: string): string {
  return [...s.toLowerCase()].map((ch) => TR[ch] ?? (/[a-z0-9]/.test(ch) ? ch : '')).join('');
}

/** A plausible personal e-mail. */
export function emailFor(p: Person, rng: Rng, suffix = ''): string {
  const local = rng.chance(0.5)
    ? `${translit(p.first)}.${translit(p.last)}`
    : `${translit(p.first)[0]}${translit(p.last)}`;
  return `${local}${suffix}@${rng.pick(DOMAINS)}`;
}

/** A work e-mail at a company domain. */
export function workEmail(p: Person, domain: string): string {
  return `${translit(p.first)}.${translit(p.last)}@${domain}`;
}

/** Ten digits of a Russian mobile number (without the country code). */
export function mobileDigits(rng: Rng): string {
  return rng.pick(OPERATORS) + String(rng.int(0, 9_999_999)).padStart(7, '0');
}

/** The same number written the ways people type it. */
export function formatPhone(ten: string, style: number): string {
  const [a, b, c, d] = [ten.slice(0, 3), ten.slice(3, 6), ten.slice(6, 8), ten.slice(8, 10)];
  switch (style % 5) {
    case 0:
      return `+7 (${a}) ${b}-${c}-${d}`;
    case 1:
      return `8${ten}`;
    case 2:
      return `+7${ten}`;
    case 3:
      return `8 ${a} ${b} ${c} ${d}`;
    default:
      return `+7 ${a} ${b}-${c}-${d}`;
  }
}

/** A company name like «ООО «Вектор»». */
export function companyName(rng: Rng, n?: number): string {
  const word = rng.pick(COMPANY_WORDS);
  return `${rng.pick(FORMS)} «${word}${n === undefined ? '' : ` ${n}`}»`;
}

/** A company web domain from its name. */
export function companyDomain(name: string): string {
  const core = translit(name.replace(/^(ООО|АО|ИП|ЗАО)\s*/, '')) || 'company';
  return `${core}.ru`;
}
