/** `/w/<workspace>/maps/new`: a map from a template (with its preview) or from a YAML or JSON file. */
import { useId, useState } from 'react';
import type { Language, MapTemplate, WorkspaceWithRole } from '../api/types.ts';
import { useI18n, useTitle } from '../i18n/i18n.tsx';
import { LANGUAGE_NAMES, UI_LANGUAGES } from '../i18n/languages.ts';
import { paths } from '../paths.ts';
import { Link, useRouter } from '../router/router.tsx';
import { may, useApi } from '../session/session.tsx';
import { ErrorNotice } from '../ui/errors.tsx';
import { formText, SelectField, submitWith, TextField, useAction } from '../ui/forms.tsx';
import { Loaded } from '../ui/loaded.tsx';
import { PageHeader, Shell } from '../ui/shell.tsx';
import { useResource } from '../ui/use-resource.ts';

export function NewMapPage({ workspace }: { workspace: WorkspaceWithRole }) {
  const { t } = useI18n();
  useTitle(`${t.newMap.title} · ${workspace.name}`);
  return (
    <Shell workspace={workspace} section="maps">
      <p className="back-link">
        <Link to={paths.maps(workspace.slug)}>{t.app.backTo(t.maps.title.toLowerCase())}</Link>
      </p>
      <PageHeader title={t.newMap.title} />
      {may(workspace.role, 'write') ? (
        <div className="stack-large">
          <FromTemplate workspace={workspace.slug} />
          <FromFile workspace={workspace.slug} />
        </div>
      ) : (
        <p className="notice">{t.newMap.viewerNotice}</p>
      )}
    </Shell>
  );
}

function FromTemplate({ workspace }: { workspace: string }) {
  const { t, language: uiLanguage } = useI18n();
  const api = useApi();
  const { navigate } = useRouter();
  const headingId = useId();
  const templates = useResource('templates', (signal) => api.templates(signal));
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [chosen, setChosen] = useState<string>();
  const create = useAction(async (form: FormData) => {
    const template = formText(form, 'template');
    const title = formText(form, 'title').trim();
    const map = await api.createMap(workspace, { template, language, ...(title ? { title } : {}) });
    navigate(paths.map(workspace, map.id));
  });
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t.newMap.fromTemplate}</h2>
      <Loaded resource={templates}>
        {(list) => (
          <form className="form form-wide" onSubmit={submitWith(create.run)}>
            <SelectField
              label={t.newMap.mapLanguage}
              hint={t.newMap.mapLanguageHint}
              value={language}
              onChange={(event) => setLanguage(event.target.value as Language)}
            >
              {UI_LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LANGUAGE_NAMES[code]}
                </option>
              ))}
            </SelectField>
            <fieldset className="template-choice">
              <legend>{t.newMap.template}</legend>
              <div className="template-grid">
                {list.map((template, index) => (
                  <TemplateOption
                    key={template.id}
                    template={template}
                    language={language}
                    checked={(chosen ?? list[0]?.id) === template.id}
                    onChoose={() => setChosen(template.id)}
                    first={index === 0}
                  />
                ))}
              </div>
            </fieldset>
            <TextField label={t.newMap.mapTitle} hint={t.newMap.mapTitleHint} name="title" maxLength={200} />
            <ErrorNotice error={create.error} />
            <div>
              <button type="submit" className="button button-primary" disabled={create.busy}>
                {t.newMap.create}
              </button>
            </div>
          </form>
        )}
      </Loaded>
    </section>
  );
}

function TemplateOption({
  template,
  language,
  checked,
  onChoose,
  first,
}: {
  template: MapTemplate;
  language: Language;
  checked: boolean;
  onChoose: () => void;
  first: boolean;
}) {
  const { t } = useI18n();
  const api = useApi();
  const id = useId();
  const name = template.name[language];
  return (
    <div className={checked ? 'template-option template-option-checked' : 'template-option'}>
      <input
        type="radio"
        id={id}
        name="template"
        value={template.id}
        checked={checked}
        onChange={onChoose}
        required={first}
        aria-describedby={`${id}-description`}
      />
      <label htmlFor={id}>
        <span className="template-preview">
          <img
            src={api.templatePreviewUrl(template.id, language)}
            alt={t.newMap.previewAlt(name)}
            loading="lazy"
            decoding="async"
          />
        </span>
        <span className="template-name" lang={language}>
          {name}
        </span>
      </label>
      <p id={`${id}-description`} className="muted">
        <span lang={language}>{template.description[language]}</span> · {t.newMap.stages(template.stages)}
      </p>
    </div>
  );
}

function FromFile({ workspace }: { workspace: string }) {
  const { t } = useI18n();
  const api = useApi();
  const { navigate } = useRouter();
  const headingId = useId();
  const [missingFile, setMissingFile] = useState(false);
  const importFile = useAction(async (form: FormData) => {
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) {
      setMissingFile(true);
      return;
    }
    setMissingFile(false);
    const map = await api.importMap(workspace, { text: await file.text(), fileName: file.name });
    navigate(paths.map(workspace, map.id));
  });
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t.newMap.importTitle}</h2>
      <p className="muted">{t.newMap.importIntro}</p>
      <form className="form" onSubmit={submitWith(importFile.run)}>
        <div className="field">
          <label htmlFor={`${headingId}-file`}>{t.newMap.file}</label>
          <input
            id={`${headingId}-file`}
            type="file"
            name="file"
            accept=".yaml,.yml,.json,application/yaml,text/yaml,application/json"
          />
        </div>
        {missingFile && (
          <p role="alert" className="notice notice-error">
            {t.newMap.chooseFile}
          </p>
        )}
        <ErrorNotice error={importFile.error} />
        <div>
          <button type="submit" className="button" disabled={importFile.busy}>
            {t.newMap.import}
          </button>
        </div>
      </form>
    </section>
  );
}
