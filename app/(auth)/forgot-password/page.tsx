import type { Metadata } from "next";
import { AuthPanel } from "../auth-panel";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <AuthPanel title="Forgot your password?" subtitle="Give the address you sign in with, and we will email you a link to choose a new password.">
      <ForgotPasswordForm />
    </AuthPanel>
  );
}
