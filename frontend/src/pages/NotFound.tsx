import { Link } from "react-router";
import { useI18n } from "../i18n";
import { useTitle } from "../lib/useTitle";

export default function NotFound() {
  const { t } = useI18n();
  useTitle(t("notFound.title"));
  return (
    <>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <p>
        <Link to="/">{t("common.backHome")}</Link>
      </p>
    </>
  );
}
