/** Signing in and up, and joining a workspace by the link of an invitation. */
import type { ReactNode } from 'react';
import type { Session } from '../api/types.ts';
import { useI18n, useTitle } from '../i18n/i18n.tsx';
import { paths } from '../paths.ts';
import { Link, useRouter, useSearchParam } from '../router/router.tsx';
import { useSessionContext } from '../session/session.tsx';
import { ErrorNotice } from '../ui/errors.tsx';
import { type Action, formText, submitWith, TextField, useAction } from '../ui/forms.tsx';
import { Loading, Shell } from '../ui/shell.tsx';

function AuthCard({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  useTitle(title);
  return (
    <Shell>
      <div className="auth-card">
        <h1>{title}</h1>
        <p className="lead">{intro}</p>
        {children}
      </div>
    </Shell>
  );
}

export function SignInPage() {
  const { t } = useI18n();
  const { api, signedIn } = useSessionContext();
  const next = useSearchParam('next');
  const signIn = useAction(async (form: FormData) => {
    signedIn(await api.signIn(formText(form, 'email'), formText(form, 'password')));
  });
  return (
    <AuthCard title={t.auth.signInTitle} intro={t.auth.signInIntro}>
      <form className="form" onSubmit={submitWith(signIn.run)}>
        <TextField label={t.auth.email} name="email" type="email" autoComplete="email" required />
        <TextField
          label={t.auth.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <ErrorNotice error={signIn.error} />
        <button type="submit" className="button button-primary" disabled={signIn.busy}>
          {t.auth.signIn}
        </button>
      </form>
      <p className="auth-switch">
        {t.auth.noAccount}{' '}
        <Link to={next ? `${paths.signUp()}?next=${encodeURIComponent(next)}` : paths.signUp()}>
          {t.auth.toSignUp}
        </Link>
      </p>
    </AuthCard>
  );
}

/** Name, e-mail and password, and a submit button: signing up, with or without an invitation. */
function SignUpForm({ submitLabel, signUp }: { submitLabel: string; signUp: Action<[FormData]> }) {
  const { t } = useI18n();
  return (
    <form className="form" onSubmit={submitWith(signUp.run)}>
      <TextField label={t.auth.name} name="name" autoComplete="name" required maxLength={100} />
      <TextField
        label={t.auth.email}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
      />
      <TextField
        label={t.auth.password}
        hint={t.auth.passwordHint}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={200}
      />
      <ErrorNotice error={signUp.error} />
      <button type="submit" className="button button-primary" disabled={signUp.busy}>
        {submitLabel}
      </button>
    </form>
  );
}

function signUpInput(form: FormData, invitation?: string) {
  return {
    name: formText(form, 'name'),
    email: formText(form, 'email'),
    password: formText(form, 'password'),
    ...(invitation ? { invitation } : {}),
  };
}

export function SignUpPage() {
  const { t } = useI18n();
  const { api, signedIn } = useSessionContext();
  const signUp = useAction(async (form: FormData) => {
    signedIn(await api.signUp(signUpInput(form)));
  });
  return (
    <AuthCard title={t.auth.signUpTitle} intro={t.auth.signUpIntro}>
      <SignUpForm submitLabel={t.auth.signUp} signUp={signUp} />
      <p className="auth-switch">
        {t.auth.haveAccount} <Link to={paths.signIn()}>{t.auth.toSignIn}</Link>
      </p>
    </AuthCard>
  );
}

/** Where someone lands after joining: the workspace they joined. */
function joinedPath(session: Session, slug?: string): string {
  const workspace = slug ?? (session.workspaces.length === 1 ? session.workspaces[0]?.slug : undefined);
  return workspace ? paths.maps(workspace) : paths.home();
}

/** `/invite/<token>`: sign up by the invitation, or join with the account one is signed in with. */
export function InvitePage({ token }: { token: string }) {
  const { t } = useI18n();
  const { api, state, signedIn, refresh } = useSessionContext();
  const { navigate } = useRouter();
  const signUp = useAction(async (form: FormData) => {
    const session = await api.signUp(signUpInput(form, token));
    signedIn(session);
    navigate(joinedPath(session), { replace: true });
  });
  const accept = useAction(async () => {
    const joined = await api.acceptInvitation(token);
    await refresh();
    navigate(paths.maps(joined.slug), { replace: true });
  });
  if (state.status === 'loading') {
    return (
      <Shell>
        <Loading />
      </Shell>
    );
  }
  if (state.status === 'signed-in') {
    return (
      <AuthCard title={t.invite.title} intro={t.invite.acceptIntro(state.session.user.email)}>
        <ErrorNotice error={accept.error} />
        <button
          type="button"
          className="button button-primary"
          onClick={() => accept.run()}
          disabled={accept.busy}
        >
          {t.invite.accept}
        </button>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t.invite.title} intro={t.invite.intro}>
      <SignUpForm submitLabel={t.invite.signUp} signUp={signUp} />
      <p className="auth-switch">
        {t.invite.haveAccount} <Link to={paths.signIn(paths.invite(token))}>{t.invite.toSignIn}</Link>
      </p>
    </AuthCard>
  );
}
