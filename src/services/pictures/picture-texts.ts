import { defineTexts, type Lang } from '../../common/texts.js';

/** What the pictures say, in the user's language. */
const texts = defineTexts({
  ru: {
    done: 'сделано',
    skipped: 'пропуск',
    missed: 'упущено',
    planned: 'по плану',
    doneSteps: 'сделано шагов',
    weekdays: ['Вс', 'Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб'],
    months: ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  },
  en: {
    done: 'done',
    skipped: 'skipped',
    missed: 'missed',
    planned: 'planned',
    doneSteps: 'steps done',
    weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
});

export const pictureTexts = (language: Lang) => texts[language];
