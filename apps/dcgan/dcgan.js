#!/usr/bin/env node
// `npx dcgan`: runs the CLI of @dcgan/cli, whose bin is `dcgan` too.
import '@dcgan/cli/cli';
