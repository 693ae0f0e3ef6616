"""The wizard's pages: each reads the shared WizardState and writes its choices back."""
