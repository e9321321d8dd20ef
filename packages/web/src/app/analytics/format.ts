/** Numbers of the analytics pages in the interface's language: counts, percentages, money, durations. */
import type { Messages } from '../i18n/en.ts';
import { LOCALES } from '../i18n/format.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import type { NumberText } from './charts.ts';

export interface AnalyticsText extends NumberText {
  /** `56 s`, `6.1 min`, `4.2 h`, `1.9 d`. */
  duration(seconds: number | null): string;
}

/**
 * @example
 * analyticsText('nl', t).percent(0.0881) // '8,8%'
 */
export function analyticsText(
  language: UiLanguage,
  durations: Messages['analytics']['durations'],
): AnalyticsText {
  const locale = LOCALES[language];
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return {
    count: (value) => count.format(value),
    percent: (fraction) => percent.format(fraction),
    money: (value) => money.format(value),
    duration(seconds) {
      if (seconds === null) return '–';
      if (seconds < 60) return durations.seconds(whole.format(seconds));
      if (seconds < 3_600) return durations.minutes(count.format(seconds / 60));
      if (seconds < 86_400) return durations.hours(count.format(seconds / 3_600));
      return durations.days(count.format(seconds / 86_400));
    },
  };
}
