import { useI18n, useTitle } from '../i18n/i18n.tsx';
import { paths } from '../paths.ts';
import { Link } from '../router/router.tsx';
import { PageHeader, Shell } from '../ui/shell.tsx';

export function NotFoundPage({ text }: { text?: string }) {
  const { t } = useI18n();
  useTitle(t.notFound.title);
  return (
    <Shell>
      <PageHeader title={t.notFound.title} />
      <p>{text ?? t.notFound.text}</p>
      <p>
        <Link to={paths.home()}>{t.notFound.home}</Link>
      </p>
    </Shell>
  );
}
