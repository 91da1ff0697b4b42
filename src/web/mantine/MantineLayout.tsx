import '../styles/mantine.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Outlet } from 'react-router';
import { cssVariablesResolver, theme } from '../theme.js';

/**
 * The layout route of every screen built with Mantine (login forms, staff and
 * citizen areas). It is a lazy chunk so the public pages, written in plain
 * markup, never download Mantine.
 */
export default function MantineLayout() {
  return (
    <DirectionProvider initialDirection="rtl" detectDirection={false}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
        <Outlet />
      </MantineProvider>
    </DirectionProvider>
  );
}
