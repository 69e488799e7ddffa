# owned by lead: placeholder so that `mkdocs build` works until the real hook lands.
